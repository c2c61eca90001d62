package com.wedsync.grid.loadtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several targets' reports of one scenario side by side: achieved ops/s, p50, p99 and
 * p99.9 of all operations, L1 hit rate, errors, and each figure's ratio to the first
 * target's.
 *
 * @param scenario the scenario
 * @param rows one row per target, in run order
 */
public record Comparison(String scenario, List<Row> rows) {

    /**
     * One target's figures.
     *
     * @param target the target
     * @param achievedRate ops/s
     * @param p50Micros median latency
     * @param p99Micros p99 latency
     * @param p999Micros p99.9 latency
     * @param l1HitRate the share of reads answered in process
     * @param errors errors
     * @param rateRatio achieved rate over the first target's
     * @param p99Ratio p99 over the first target's
     */
    public record Row(String target, double achievedRate, double p50Micros, double p99Micros, double p999Micros,
            double l1HitRate, long errors, double rateRatio, double p99Ratio) {
    }

    /**
     * Builds the comparison from the reports {@link RunReport#of} made.
     * @param scenario the scenario
     * @param reports each target's report, in run order
     * @return the comparison
     */
    public static Comparison of(String scenario, Map<String, Map<String, Object>> reports) {
        List<Row> rows = new ArrayList<>();
        Row first = null;
        for (Map.Entry<String, Map<String, Object>> entry : reports.entrySet()) {
            Map<String, Object> report = entry.getValue();
            Map<?, ?> all = (Map<?, ?>) ((Map<?, ?>) report.get("latencyMicros")).get("ALL");
            double rate = number(report.get("achievedRate"));
            double p99 = number(all.get("p99"));
            Row row = new Row(entry.getKey(), rate, number(all.get("p50")), p99, number(all.get("p999")),
                    number(((Map<?, ?>) report.get("readHitRates")).get("L1")), (long) number(report.get("errors")),
                    (first == null) ? 1.0 : ratio(rate, first.achievedRate),
                    (first == null) ? 1.0 : ratio(p99, first.p99Micros));
            rows.add(row);
            if (first == null) {
                first = row;
            }
        }
        return new Comparison(scenario, List.copyOf(rows));
    }

    /**
     * Renders the comparison as a fixed-width table.
     * @return the table, one line per target
     */
    public String table() {
        StringBuilder table = new StringBuilder(String.format("%-10s %12s %9s %10s %10s %10s %7s %8s %8s%n", "target",
                "ops/s", "x first", "p50 us", "p99 us", "p99.9 us", "L1", "errors", "p99 x"));
        for (Row row : this.rows) {
            table.append(String.format("%-10s %,12.0f %9.2f %,10.1f %,10.1f %,10.1f %7.3f %8d %8.2f%n", row.target,
                    row.achievedRate, row.rateRatio, row.p50Micros, row.p99Micros, row.p999Micros, row.l1HitRate,
                    row.errors, row.p99Ratio));
        }
        return table.toString();
    }

    /**
     * Writes {@code compare.json} and {@code compare.txt} in a folder.
     * @param folder the folder
     * @throws UncheckedIOException naming the folder if they cannot be written
     */
    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("scenario", this.scenario);
            content.put("rows", this.rows);
            JsonMapper.builder()
                .build()
                .writerWithDefaultPrettyPrinter()
                .writeValue(folder.resolve("compare.json").toFile(), content);
            Files.writeString(folder.resolve("compare.txt"), table());
        }
        catch (IOException | RuntimeException ex) {
            throw new UncheckedIOException(new IOException("cannot write the comparison in " + folder, ex));
        }
    }

    private static double number(Object value) {
        return (value instanceof Number number) ? number.doubleValue() : 0;
    }

    private static double ratio(double value, double base) {
        return (base == 0) ? 0 : Math.round(100.0 * value / base) / 100.0;
    }
}

package com.wedsync.grid.loadtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several targets run in turn N times (A B C, A B C, ...), each figure summarized over
 * its N runs as the median, min, max and spread ({@code (max - min) / median}), and the
 * ratio of each target's medians to the first target's. One run on a shared machine
 * proves nothing; the median of interleaved runs, and its spread, does.
 *
 * @param scenario the scenario
 * @param requestedRate the rate every run was asked for, ops/s (0 for closed loop)
 * @param rows one per target, in run order
 */
public record RepeatedComparison(String scenario, double requestedRate, List<Row> rows) {

    /** The figures summarized, each read from a run's report. */
    private static final Map<String, Function<Map<String, Object>, Double>> FIGURES = figures();

    /**
     * One figure over N runs.
     *
     * @param median the median (the mean of the middle two for even N)
     * @param min the smallest
     * @param max the largest
     * @param spread {@code (max - min) / median}, 0 when the median is 0
     * @param values every run's value, in run order
     */
    public record Summary(double median, double min, double max, double spread, List<Double> values) {

        /**
         * Summarizes values.
         * @param values at least one
         * @return the summary
         * @throws IllegalArgumentException if there is no value
         */
        public static Summary of(List<Double> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no value to summarize");
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            double min = sorted[0];
            double max = sorted[n - 1];
            return new Summary(median, min, max, (median == 0) ? 0 : (max - min) / median, List.copyOf(values));
        }
    }

    /**
     * One target's figures over its runs.
     *
     * @param target the target
     * @param runs how many runs
     * @param behindSchedule in how many of them the generator fell behind its schedule
     * @param figures each figure's summary, by name (for example {@code p99Micros})
     * @param ratiosToFirst each figure's median over the first target's median
     */
    public record Row(String target, int runs, int behindSchedule, Map<String, Summary> figures,
            Map<String, Double> ratiosToFirst) {
    }

    /**
     * Builds the comparison from each target's reports, as {@link RunReport#of} made them
     * and the run added its usage to.
     * @param scenario the scenario
     * @param reports each target's reports in run order, targets in the order they ran
     * @return the comparison
     */
    public static RepeatedComparison of(String scenario, Map<String, List<Map<String, Object>>> reports) {
        List<Row> rows = new ArrayList<>();
        Map<String, Summary> first = null;
        for (Map.Entry<String, List<Map<String, Object>>> entry : reports.entrySet()) {
            Map<String, Summary> figures = new LinkedHashMap<>();
            for (Map.Entry<String, Function<Map<String, Object>, Double>> figure : FIGURES.entrySet()) {
                List<Double> values = new ArrayList<>();
                for (Map<String, Object> report : entry.getValue()) {
                    Double value = figure.getValue().apply(report);
                    if (value != null) {
                        values.add(value);
                    }
                }
                if (!values.isEmpty()) {
                    figures.put(figure.getKey(), Summary.of(values));
                }
            }
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (Map.Entry<String, Summary> figure : figures.entrySet()) {
                Summary base = (first == null) ? figure.getValue() : first.get(figure.getKey());
                if (base != null && base.median() != 0) {
                    ratios.put(figure.getKey(),
                            Math.round(1000.0 * figure.getValue().median() / base.median()) / 1000.0);
                }
            }
            int behind = (int) entry.getValue()
                .stream()
                .filter((r) -> Boolean.TRUE.equals(((Map<?, ?>) r.get("schedule")).get("behind")))
                .count();
            rows.add(new Row(entry.getKey(), entry.getValue().size(), behind, figures, ratios));
            if (first == null) {
                first = figures;
            }
        }
        double rate = reports.values()
            .stream()
            .flatMap(List::stream)
            .map((report) -> number(report.get("requestedRate")))
            .filter((value) -> value != null)
            .findFirst()
            .orElse(0.0);
        return new RepeatedComparison(scenario, rate, List.copyOf(rows));
    }

    /**
     * Renders the comparison as a fixed-width table: medians with min-max, spreads and
     * ratios to the first target.
     * @return the table
     */
    public String table() {
        StringBuilder table = new StringBuilder(String.format("%-9s %4s %10s %22s %22s %6s %7s %8s %9s %9s %9s %6s%n",
                "target", "runs", "ops/s", "p50 us (min-max)", "p99 us (min-max)", "spread", "p99 x", "cpu ms/",
                "gc max ms", "gc max ms", "gc >10ms", "behind"));
        table.append(String.format("%-9s %4s %10s %22s %22s %6s %7s %8s %9s %9s %9s %6s%n", "", "", "median", "median",
                "median", "p99", "first", "1k ops", "client", "members", "all", "runs"));
        for (Row row : this.rows) {
            table.append(String.format("%-9s %4d %,10.0f %22s %22s %6.2f %7.2f %8.2f %9s %9s %9s %6d%n", row.target(),
                    row.runs(), median(row, "achievedRate"), range(row, "p50Micros"), range(row, "p99Micros"),
                    (row.figures().containsKey("p99Micros")) ? row.figures().get("p99Micros").spread() : 0,
                    row.ratiosToFirst().getOrDefault("p99Micros", 0.0), median(row, "cpuMillisPer1000Ops"),
                    maxOrDash(row, "generatorGcMaxMillis"), maxOrDash(row, "memberGcMaxMillis"),
                    maxOrDash(row, "gcPausesOver10Millis"), row.behindSchedule()));
        }
        return table.toString();
    }

    /**
     * Writes {@code compare.json} and {@code compare.txt} in a folder.
     * @param folder the folder
     * @param header lines put before the table in {@code compare.txt} (date, machine,
     * command)
     * @throws UncheckedIOException naming the folder if they cannot be written
     */
    public void write(Path folder, List<String> header) {
        try {
            Files.createDirectories(folder);
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("scenario", this.scenario);
            content.put("requestedRate", this.requestedRate);
            content.put("order", "interleaved: every target once per round");
            content.put("about", header);
            content.put("rows", this.rows);
            JsonMapper.builder()
                .build()
                .writerWithDefaultPrettyPrinter()
                .writeValue(folder.resolve("compare.json").toFile(), content);
            Files.writeString(folder.resolve("compare.txt"), String.join("\n", header) + "\n" + table());
            Files.writeString(folder.resolve("compare.md"), markdown(header));
        }
        catch (IOException | RuntimeException ex) {
            throw new UncheckedIOException(new IOException("cannot write the comparison in " + folder, ex));
        }
    }

    /**
     * Renders the comparison as a Markdown table for the README: medians with min-max,
     * the p99's spread and ratio to the first target, CPU per 1,000 operations, the
     * longest GC pauses.
     * @param header lines put before the table, their leading {@code # } dropped
     * @return the Markdown
     */
    public String markdown(List<String> header) {
        StringBuilder md = new StringBuilder();
        header.forEach((line) -> md.append(line.replaceFirst("^# ", "")).append("  \n"));
        md.append("\n| target | ops/s | p50 us | p99 us | p99 spread | p99 x ")
            .append(this.rows.get(0).target())
            .append(" | CPU ms per 1,000 ops | GC max ms, generator | GC max ms, members | GC pauses > 10 ms "
                    + "| runs behind schedule |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : this.rows) {
            md.append(String.format("| %s | %,.0f | %s | %s | %.2f | %.2f | %.1f | %s | %s | %s | %d of %d |%n",
                    row.target(), median(row, "achievedRate"), range(row, "p50Micros"), range(row, "p99Micros"),
                    (row.figures().containsKey("p99Micros")) ? row.figures().get("p99Micros").spread() : 0,
                    row.ratiosToFirst().getOrDefault("p99Micros", 0.0), median(row, "cpuMillisPer1000Ops"),
                    maxOrDash(row, "generatorGcMaxMillis"), maxOrDash(row, "memberGcMaxMillis"),
                    maxOrDash(row, "gcPausesOver10Millis"), row.behindSchedule(), row.runs()));
        }
        return md.toString();
    }

    private static double median(Row row, String figure) {
        Summary summary = row.figures().get(figure);
        return (summary != null) ? summary.median() : 0;
    }

    private static String range(Row row, String figure) {
        Summary summary = row.figures().get(figure);
        return (summary == null) ? "-"
                : String.format("%,.0f (%,.0f-%,.0f)", summary.median(), summary.min(), summary.max());
    }

    private static String maxOrDash(Row row, String figure) {
        Summary summary = row.figures().get(figure);
        return (summary == null) ? "-" : String.format("%,.0f", summary.max());
    }

    private static Map<String, Function<Map<String, Object>, Double>> figures() {
        Map<String, Function<Map<String, Object>, Double>> figures = new LinkedHashMap<>();
        figures.put("achievedRate", (r) -> number(r.get("achievedRate")));
        for (String percentile : Arrays.asList("p50", "p99", "p999")) {
            figures.put(percentile + "Micros", (r) -> number(path(r, "latencyMicros", "ALL", percentile)));
        }
        figures.put("l1HitRate", (r) -> number(path(r, "readHitRates", "L1")));
        figures.put("errors", (r) -> number(r.get("errors")));
        // CPU of every process serving the run (generator, members, Redis), per 1,000
        // operations.
        figures.put("cpuMillisPer1000Ops", (r) -> sumProcesses(r, "cpuSecondsPer1000Ops", 1000));
        figures.put("generatorGcMaxMillis", (r) -> gcMax(r, true));
        figures.put("memberGcMaxMillis", (r) -> gcMax(r, false));
        figures.put("gcPausesOver10Millis", (r) -> sumGc(r, "over10Millis"));
        figures.put("stealShare", (r) -> number(path(r, "usage", "stealShare")));
        return figures;
    }

    private static Double sumProcesses(Map<String, Object> report, String field, double scale) {
        double total = 0;
        for (Map<?, ?> process : processes(report)) {
            Double value = number(process.get(field));
            if (value == null || value < 0) {
                return null;
            }
            total += value * scale;
        }
        return total;
    }

    private static Double gcMax(Map<String, Object> report, boolean generator) {
        Double max = null;
        for (Map<?, ?> process : processes(report)) {
            boolean isGenerator = String.valueOf(process.get("name")).startsWith("generator");
            Map<?, ?> gc = (Map<?, ?>) process.get("gcPauses");
            if (gc == null || isGenerator != generator) {
                continue;
            }
            Object value = gc.containsKey("maxMillis") ? gc.get("maxMillis") : gc.get("maxMillisAtMost");
            // A member pause beyond its largest bucket has no bound: it is no figure to
            // take a median of.
            Double millis = (value == null) ? Double.POSITIVE_INFINITY : number(value);
            max = (max == null) ? millis : Math.max(max, millis);
        }
        return max;
    }

    private static Double sumGc(Map<String, Object> report, String field) {
        double total = 0;
        boolean any = false;
        for (Map<?, ?> process : processes(report)) {
            Map<?, ?> gc = (Map<?, ?>) process.get("gcPauses");
            if (gc != null && number(gc.get(field)) != null && number(gc.get(field)) >= 0) {
                total += number(gc.get(field));
                any = true;
            }
        }
        return any ? total : null;
    }

    private static List<Map<?, ?>> processes(Map<String, Object> report) {
        Object processes = path(report, "usage", "processes");
        List<Map<?, ?>> list = new ArrayList<>();
        if (processes instanceof List<?> items) {
            items.forEach((item) -> list.add((Map<?, ?>) item));
        }
        return list;
    }

    private static Object path(Map<String, Object> report, String... keys) {
        Object value = report;
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private static Double number(Object value) {
        return (value instanceof Number number) ? number.doubleValue() : null;
    }
}

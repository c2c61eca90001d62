package com.wedsync.grid.loadtest.report;

import com.wedsync.grid.loadtest.generator.OpLayer;
import com.wedsync.grid.loadtest.generator.RateProfile;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable account of one run, written as {@code report.json}: scenario,
 * target, mode, requested and achieved rate, operations, errors, latency percentiles in
 * microseconds per operation and layer, read hit rates, and the verdict on each
 * criterion.
 */
public final class RunReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunReport() {
    }

    /**
     * Builds the report's content.
     * @param scenario the scenario's name
     * @param workload the workload's description
     * @param members how many grid members served the run (0 for a target without
     * members)
     * @param result the run
     * @param criteria the scenario's criteria, judged
     * @return the report as an ordered map, ready for JSON
     */
    public static Map<String, Object> of(String scenario, String workload, int members, RunResult result,
            List<Criterion> criteria) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", scenario);
        report.put("target", result.target());
        report.put("mode", result.closedLoop() ? "closed-loop (max throughput; latency from actual start)"
                : "open-loop (latency from intended start)");
        report.put("workload", workload);
        report.put("members", members);
        report.put("threads", result.settings().threads());
        report.put("requestedRate", result.settings().rate());
        report.put("achievedRate", Math.round(result.achievedRate()));
        report.put("measuredSeconds", result.measured().toMillis() / 1000.0);
        report.put("ops", result.totalOps());
        report.put("errors", result.totalErrors());
        report.put("unissued", result.unissued());
        report.put("schedule", schedule(result));
        report.put("abandonedOps", result.abandonedOps());
        report.put("inFlight", result.settings().inFlight());
        if (!result.settings().profile().constant()) {
            RateProfile profile = result.settings().profile();
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("peak", profile.peak());
            shape.put("holdSeconds", profile.hold().toMillis() / 1000.0);
            shape.put("rampSeconds", profile.ramp().toMillis() / 1000.0);
            if (profile.fallsBack()) {
                shape.put("topSeconds", profile.top().toMillis() / 1000.0);
                shape.put("fallSeconds", profile.fall().toMillis() / 1000.0);
            }
            report.put("rateProfile", shape);
        }
        report.put("errorSamples", result.errorSamples());
        report.put("latencyMicros", latencies(result));
        report.put("readHitRates", hitRates(result));
        report.put("readHitRatesByClass", hitRatesByClass(result));
        report.put("criteria", criteria);
        report.put("passed", criteria.stream().allMatch(Criterion::pass));
        report.put("started", result.start().toString());
        report.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        return report;
    }

    /**
     * Writes the report as {@code report.json} in a folder, creating it if needed.
     * @param folder the output folder
     * @param report the report's content
     * @return the file written
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static Path write(Path folder, Map<String, Object> report) {
        return writeJson(folder.resolve("report.json"), report);
    }

    /**
     * Writes content as pretty-printed JSON, creating the file's folder if needed.
     * @param file the file, replaced if it exists
     * @param content the content: maps, lists, records and numbers
     * @return the file written
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static Path writeJson(Path file, Object content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
            return file;
        }
        catch (IOException | RuntimeException ex) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + ex.getMessage(), ex));
        }
    }

    /**
     * Returns the latency percentiles of a histogram in microseconds.
     * @param histogram nanoseconds
     * @return count, p50, p90, p95, p99, p99.9 and max
     */
    public static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", histogram.getTotalCount());
        for (double percentile : new double[] { 50, 90, 95, 99, 99.9 }) {
            String name = "p" + (percentile == Math.rint(percentile) ? String.valueOf((int) percentile)
                    : String.valueOf(percentile).replace(".", ""));
            values.put(name, micros(histogram.getValueAtPercentile(percentile)));
        }
        values.put("max", micros(histogram.getMaxValue()));
        return values;
    }

    private static Map<String, Object> schedule(RunResult result) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("behind", result.behindSchedule());
        schedule.put("unissued", result.unissued());
        schedule.put("issuedOver1msLate", result.lateStarts());
        schedule.put("maxStartLagMicros", micros(result.maxStartLagNanos()));
        return schedule;
    }

    private static Map<String, Object> latencies(RunResult result) {
        Map<String, Object> latencies = new LinkedHashMap<>();
        Histogram all = new Histogram(3);
        for (OpType type : OpType.values()) {
            Histogram byType = result.histogram(type);
            if (byType.getTotalCount() > 0) {
                latencies.put(type.name(), percentiles(byType));
                all.add(byType);
            }
        }
        latencies.put("ALL", percentiles(all));
        result.histograms().forEach((opLayer, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                latencies.put(opLayer.tag(), percentiles(histogram));
            }
        });
        return latencies;
    }

    private static Map<String, Object> hitRates(RunResult result) {
        long reads = 0;
        Map<Layer, Long> byLayer = new LinkedHashMap<>();
        for (Layer layer : List.of(Layer.L1, Layer.L2, Layer.MISS)) {
            long count = result.ops().getOrDefault(new OpLayer(OpType.GET, layer), 0L);
            byLayer.put(layer, count);
            reads += count;
        }
        Map<String, Object> rates = new LinkedHashMap<>();
        for (Map.Entry<Layer, Long> entry : byLayer.entrySet()) {
            rates.put(entry.getKey().name(), share(entry.getValue(), reads));
        }
        return rates;
    }

    private static Map<String, Object> hitRatesByClass(RunResult result) {
        Map<String, Object> byClass = new LinkedHashMap<>();
        result.readsByClass().forEach((dataClass, byLayer) -> {
            long reads = byLayer.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> rates = new LinkedHashMap<>();
            rates.put("reads", reads);
            for (Layer layer : List.of(Layer.L1, Layer.L2, Layer.MISS)) {
                rates.put(layer.name(), share(byLayer.getOrDefault(layer, 0L), reads));
            }
            byClass.put(dataClass.id(), rates);
        });
        return byClass;
    }

    private static double share(long count, long total) {
        return (total == 0) ? 0.0 : Math.round(10000.0 * count / total) / 10000.0;
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

}

package com.wedsync.grid.loadtest.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A soak as {@code soak.json} holds it, and the lines it prints: one per sample while it
 * runs, and the verdict's table at the end.
 */
public final class SoakReport {

    /** How growth is judged, written into {@code soak.json} beside the figures. */
    static final String DEFINITION = "growth = (max of the last quarter of the samples taken at or after the end "
            + "of the warm-up) / (median of the first quarter of them) - 1, per process and judged series; "
            + "pass when no growth exceeds maxGrowth, no operation failed or was abandoned, no member saw another removed "
            + "from the cluster, and every process " + "could be read at every sample";

    private SoakReport() {
    }

    /**
     * Returns the content of {@code soak.json}.
     * @param options the soak's options
     * @param header what ran where: the workload, the topology and so on, in order
     * @param processes what was recorded of each process
     * @param verdict the verdict
     * @param load the load's measured phase, as a run's {@code report.json} has it
     * @return an ordered map, ready for JSON
     */
    public static Map<String, Object> toMap(SoakOptions options, Map<String, Object> header,
            List<ProcessSamples> processes, SoakVerdict verdict, Map<String, Object> load) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("durationSeconds", options.duration().toMillis() / 1000.0);
        given.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        given.put("sampleIntervalSeconds", options.sampleInterval().toMillis() / 1000.0);
        given.put("rate", options.rate());
        given.put("threads", options.threads());
        given.put("maxGrowth", options.maxGrowth());
        report.put("options", given);
        report.putAll(header);
        report.put("verdict", verdict(verdict));
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (ProcessSamples process : processes) {
            List<Map<String, Object>> samples = new ArrayList<>();
            for (Sample sample : process.samples()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("seconds", Math.round(sample.seconds() * 1000) / 1000.0);
                for (Series series : Series.values()) {
                    if (process.series().contains(series)) {
                        figures.put(series.id(), sample.value(series));
                    }
                }
                samples.add(figures);
            }
            recorded.add(Map.of("name", process.name(), "samples", samples));
        }
        report.put("processes", recorded);
        report.put("load", load);
        return report;
    }

    /**
     * Describes every process's last sample in one line.
     * @param processes what was recorded so far
     * @return for example
     * {@code [  30s] client heap after GC 80.1 MiB, 41 threads, ... | member-1 ...}
     */
    public static String sampleLine(List<ProcessSamples> processes) {
        List<String> parts = new ArrayList<>();
        double seconds = 0;
        for (ProcessSamples process : processes) {
            if (process.samples().isEmpty()) {
                continue;
            }
            Sample last = process.samples().get(process.samples().size() - 1);
            seconds = last.seconds();
            StringBuilder line = new StringBuilder(process.name());
            for (Series series : Series.values()) {
                if (process.series().contains(series)) {
                    line.append(' ').append(series.id()).append(' ').append(format(series, last.value(series)));
                }
            }
            parts.add(line.toString());
        }
        return String.format(Locale.ROOT, "[%5.0fs] ", seconds) + String.join(" | ", parts);
    }

    /**
     * Returns the verdict as a table.
     * @param verdict the verdict
     * @return lines: the outcome, then one per process and series
     */
    public static List<String> table(SoakVerdict verdict) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "soak %s: %,d errors, %,d abandoned, %d unreadable samples; growth "
                        + "allowed %.1f%% (max of the last quarter after warm-up vs median of the first)",
                verdict.pass() ? "PASSED" : "FAILED", verdict.errors(), verdict.abandoned(),
                verdict.unreadable().size(), verdict.maxGrowth() * 100));
        verdict.unreadable().forEach((failure) -> lines.add("  unreadable: " + failure));
        lines.add("  members removed from the cluster: "
                + (verdict.removals().isEmpty() ? "none" : String.join("; ", verdict.removals())));
        lines.add(String.format(Locale.ROOT, "  %-12s %-18s %14s %14s %9s", "process", "series", "baseline", "last",
                "growth"));
        for (Growth growth : verdict.growths()) {
            String change = (growth.growth() != null) ? String.format(Locale.ROOT, "%+.1f%%", growth.growth() * 100)
                    : "n/a";
            lines.add(String.format(Locale.ROOT, "  %-12s %-18s %14s %14s %9s  %s%s", growth.process(),
                    growth.series().id(), format(growth.series(), growth.baseline()),
                    format(growth.series(), growth.last()), change, growth.word(),
                    growth.note().isEmpty() ? "" : " (" + growth.note() + ")"));
        }
        return lines;
    }

    private static Map<String, Object> verdict(SoakVerdict verdict) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pass", verdict.pass());
        map.put("definition", DEFINITION);
        map.put("maxGrowth", verdict.maxGrowth());
        map.put("errors", verdict.errors());
        map.put("abandoned", verdict.abandoned());
        map.put("unreadable", verdict.unreadable());
        map.put("membersRemoved", verdict.removals());
        List<Map<String, Object>> growths = new ArrayList<>();
        for (Growth growth : verdict.growths()) {
            Map<String, Object> judged = new LinkedHashMap<>();
            judged.put("process", growth.process());
            judged.put("series", growth.series().id());
            judged.put("baseline", growth.baseline());
            judged.put("last", growth.last());
            judged.put("growth", growth.growth());
            judged.put("pass", growth.pass());
            if (!growth.note().isEmpty()) {
                judged.put("note", growth.note());
            }
            growths.add(judged);
        }
        map.put("series", growths);
        return map;
    }

    private static String format(Series series, Double value) {
        if (value == null) {
            return "n/a";
        }
        return series.id().endsWith("Bytes") ? String.format(Locale.ROOT, "%.1f MiB", value / (1 << 20))
                : String.format(Locale.ROOT, "%,.0f", value);
    }

}

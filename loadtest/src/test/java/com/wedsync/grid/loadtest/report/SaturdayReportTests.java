package com.wedsync.grid.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaturdayReportTests {

    private static final Instant START = Instant.parse("2026-12-03T23:00:00Z");

    @Test
    void theLatencyThroughAWindowMergesTheIntervalsThatStartInIt(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("latency.hlog");
        try (PrintStream out = new PrintStream(Files.newOutputStream(log))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputStartTime(START.toEpochMilli());
            writer.setBaseTime(START.toEpochMilli());
            writer.outputBaseTime(START.toEpochMilli());
            writer.outputLegend();
            // One second each: 100 ops at 100 us, then 100 at 10 ms, then 100 at 100 us.
            writer.outputIntervalHistogram(interval(0, 100_000));
            writer.outputIntervalHistogram(interval(1, 10_000_000));
            writer.outputIntervalHistogram(interval(2, 100_000));
        }

        Map<String, Object> slow = SaturdayReport.latency(log, START.plusSeconds(1), START.plusSeconds(2));
        Map<String, Object> both = SaturdayReport.latency(log, START.plusSeconds(1), START.plusSeconds(3));

        assertThat(slow.get("count")).isEqualTo(100L);
        assertThat((double) slow.get("p50")).isBetween(9_990.0, 10_010.0);
        assertThat(both.get("count")).isEqualTo(200L);
        assertThat((double) both.get("p50")).isBetween(99.0, 101.0);
        assertThat((double) both.get("p99")).isBetween(9_990.0, 10_010.0);
    }

    @Test
    void thePageHasThePeakTableTheChartsAndTheEvents(@TempDir Path folder) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("mode", "advisor");
        run.put("membersDuringPeak", "3");
        run.put("errors", 0L);
        run.put("peakLatencyMicros", Map.of("count", 10L, "p50", 1.0, "p99", 2345.6, "p999", 3.0, "max", 4.0));
        run.put("timeline", List.of(new SaturdayReport.Point(1, 400, 399, 812.3, 1, 3).toMap()));
        run.put("events",
                List.of(Map.of("seconds", 31.5, "kind", "joined", "members", 2, "desired", 3, "detail", "member-2")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", "ordinary 400 ops/s <test>");
        report.put("runs", List.of(run));

        Path json = SaturdayReport.write(folder, report);

        String html = Files.readString(folder.resolve("saturday.html"));
        assertThat(json).hasFileName("saturday.json");
        assertThat(html).contains("ordinary 400 ops/s &lt;test&gt;", "<td>2345.6</td>", "<td>member-2</td>",
                "alt=\"Members and desired members\"", "alt=\"p99 per second\"");
    }

    private static Histogram interval(int second, long nanos) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(nanos, 100);
        histogram.setStartTimeStamp(START.plusSeconds(second).toEpochMilli());
        histogram.setEndTimeStamp(START.plusSeconds(second + 1).toEpochMilli());
        return histogram;
    }

}

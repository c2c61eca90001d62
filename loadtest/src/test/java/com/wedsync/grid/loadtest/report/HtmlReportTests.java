package com.wedsync.grid.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @Test
    void writesASelfContainedPageWithThreeChartsAndTheKeyFigures(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("latency.hlog");
        writeLog(log, 4);

        Path written = HtmlReport.write(folder, report(), log);

        assertThat(written).isEqualTo(folder.resolve("report.html")).isRegularFile();
        String html = Files.readString(written, StandardCharsets.UTF_8);
        List<String> images = images(html);
        assertThat(images).hasSize(3);
        for (String image : images) {
            byte[] png = Base64.getDecoder().decode(image);
            assertThat(png.length).isGreaterThan(PNG.length);
            assertThat(java.util.Arrays.copyOf(png, PNG.length)).isEqualTo(PNG);
        }
        assertThat(html).contains("baseline-&lt;wedding&gt;")
            .doesNotContain("baseline-<wedding>")
            .contains("<td>p95 &lt;= 500 us</td>")
            .contains(">PASS</td>")
            .contains(">FAIL</td>")
            .contains("<td>grid</td>")
            .contains("<td>GET</td>")
            .contains("<td>PUT</td>")
            .contains("<tr><td>all</td><td></td><td>0.95</td><td>0.05</td><td>0</td></tr>")
            .contains("<tr><td>wedding_data</td><td>40</td><td>0.9</td><td>0.1</td><td>0</td></tr>")
            .contains("<td>retention.wedding_data</td><td>1</td>");
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    @Test
    void drawsEmptyChartsWithoutAnIntervalLog(@TempDir Path folder) throws Exception {
        Path written = HtmlReport.write(folder, report(), folder.resolve("missing.hlog"));

        assertThat(images(Files.readString(written))).hasSize(3);
    }

    @Test
    void escapesMarkup() {
        assertThat(HtmlReport.escape("<a href=\"x\">'&'</a>"))
            .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(HtmlReport.escape(null)).isEmpty();
    }

    private static List<String> images(String html) {
        List<String> images = new ArrayList<>();
        Matcher matcher = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        while (matcher.find()) {
            images.add(matcher.group(1));
        }
        return images;
    }

    private static void writeLog(Path path, int seconds) throws Exception {
        long start = 1_700_000_000_000L;
        try (PrintStream out = new PrintStream(Files.newOutputStream(path), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(start);
            writer.setBaseTime(start);
            writer.outputBaseTime(start);
            writer.outputLegend();
            for (int i = 0; i < seconds; i++) {
                for (String tag : List.of("GET/L1", "PUT/WRITE")) {
                    Histogram histogram = new Histogram(3);
                    for (int n = 1; n <= 1000 * (i + 1); n++) {
                        histogram.recordValue((tag.startsWith("GET") ? 20_000L : 200_000L) + n * 37L);
                    }
                    histogram.setStartTimeStamp(start + i * 1000L);
                    histogram.setEndTimeStamp(start + (i + 1) * 1000L);
                    histogram.setTag(tag);
                    writer.outputIntervalHistogram(histogram);
                }
            }
        }
    }

    private static Map<String, Object> report() {
        Map<String, Object> percentiles = new LinkedHashMap<>();
        percentiles.put("count", 1000L);
        percentiles.put("p50", 21.3);
        percentiles.put("p90", 40.0);
        percentiles.put("p95", 55.5);
        percentiles.put("p99", 210.0);
        percentiles.put("p999", 400.1);
        percentiles.put("max", 900.0);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("GET", percentiles);
        latency.put("PUT", percentiles);
        latency.put("ALL", percentiles);
        latency.put("GET/L1", percentiles);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", "baseline-<wedding>");
        report.put("target", "grid");
        report.put("mode", "open-loop (latency from intended start)");
        report.put("requestedRate", 2000.0);
        report.put("achievedRate", 1998L);
        report.put("ops", 4000L);
        report.put("errors", 0L);
        report.put("latencyMicros", latency);
        report.put("readHitRates", Map.of("L1", 0.95, "L2", 0.05, "MISS", 0.0));
        report.put("readHitRatesByClass",
                Map.of("wedding_data", Map.of("reads", 40L, "L1", 0.9, "L2", 0.1, "MISS", 0.0)));
        report.put("findings", Map.of("retention", Map.of("wedding_data", 1.0)));
        report.put("criteria",
                List.of(new Criterion("p95 <= 500 us", 55.5, true), new Criterion("p99 <= 100 us", 210.0, false)));
        report.put("passed", false);
        return report;
    }

}

package com.wedsync.grid.loadtest.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The account of a simulated Saturday ({@code saturday.json} and {@code saturday.html}):
 * per run (the cluster following the advisor, and the fixed one) the p99 through the
 * peak, the scaling events and a timeline; the page charts members and desired members,
 * offered and achieved rate, and p99 per second, the runs side by side.
 */
public final class SaturdayReport {

    private SaturdayReport() {
    }

    /**
     * One second of a run.
     *
     * @param seconds from the start of the measured phase (negative in the warm-up)
     * @param offered the operations per second the schedule asked for
     * @param achieved the operations per second completed
     * @param p99Micros the second's 99th percentile latency, all operations
     * @param members the members running
     * @param desired the advisor's desired members, {@code -1} while unknown
     */
    public record Point(double seconds, double offered, double achieved, double p99Micros, int members, int desired) {

        /**
         * Returns the point as report fields.
         * @return the fields
         */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seconds", round(this.seconds, 1));
            map.put("offered", round(this.offered, 0));
            map.put("achieved", round(this.achieved, 0));
            map.put("p99Micros", round(this.p99Micros, 1));
            map.put("members", this.members);
            map.put("desired", this.desired);
            return map;
        }
    }

    /**
     * Merges an interval log's histograms of every series over a window, and returns its
     * percentiles: merged histograms, not averaged percentiles.
     * @param intervalLog the run's {@code .hlog}
     * @param from the window's start; an interval counts if it starts in the window
     * @param to the window's end
     * @return the operations and latency percentiles in microseconds
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static Map<String, Object> latency(Path intervalLog, Instant from, Instant to) {
        Histogram merged = new Histogram(3);
        try {
            HistogramLogReader reader = new HistogramLogReader(intervalLog.toFile());
            try {
                EncodableHistogram next;
                while ((next = reader.nextIntervalHistogram()) != null) {
                    long start = next.getStartTimeStamp();
                    if (next instanceof Histogram histogram && start >= from.toEpochMilli()
                            && start < to.toEpochMilli()) {
                        merged.add(histogram);
                    }
                }
            }
            finally {
                reader.close();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the interval log " + intervalLog, ex);
        }
        return RunReport.percentiles(merged);
    }

    /**
     * Writes {@code saturday.json} and {@code saturday.html}.
     * @param folder the output folder
     * @param report the report: {@code plan}, {@code runs} (each with {@code mode},
     * {@code timeline} of {@link Point#toMap()}, {@code events},
     * {@code peakLatencyMicros})
     * @return the JSON file
     * @throws UncheckedIOException naming the file if one cannot be written
     */
    public static Path write(Path folder, Map<String, Object> report) {
        Path json = RunReport.writeJson(folder.resolve("saturday.json"), report);
        Path html = folder.resolve("saturday.html");
        try {
            Files.writeString(html, html(report), StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException ex) {
            throw new UncheckedIOException(new IOException("cannot write " + html + ": " + ex.getMessage(), ex));
        }
        return json;
    }

    private static String html(Map<String, Object> report) throws IOException {
        List<Map<String, Object>> runs = runs(report);
        StringBuilder html = new StringBuilder(128 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>WedSync Grid: a simulated Saturday</title>\n<style>body{font-family:sans-serif;margin:2em}")
            .append("table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px}")
            .append("img{display:block;margin-bottom:1.5em}</style>\n</head>\n<body>\n")
            .append("<h1>A simulated Saturday</h1>\n<p>")
            .append(HtmlReport.escape(String.valueOf(report.get("plan"))))
            .append("</p>\n<h2>p99 through the peak</h2>\n<table>\n<tr><th>cluster</th><th>members</th>")
            .append("<th>ops in the peak</th><th>p50 (µs)</th><th>p99 (µs)</th><th>p99.9 (µs)</th><th>max (µs)</th>")
            .append("<th>errors</th></tr>\n");
        for (Map<String, Object> run : runs) {
            Map<?, ?> peak = (Map<?, ?>) run.get("peakLatencyMicros");
            html.append("<tr><td>")
                .append(HtmlReport.escape(String.valueOf(run.get("mode"))))
                .append("</td><td>")
                .append(HtmlReport.escape(String.valueOf(run.get("membersDuringPeak"))))
                .append("</td>");
            for (Object value : new Object[] { peak.get("count"), peak.get("p50"), peak.get("p99"), peak.get("p999"),
                    peak.get("max"), run.get("errors") }) {
                html.append("<td>").append(HtmlReport.escape(String.valueOf(value))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Charts</h2>\n");
        ReportCharts.image(html, "Members and desired members", members(runs));
        ReportCharts.image(html, "Offered and achieved rate", rates(runs));
        ReportCharts.image(html, "p99 per second", p99(runs));
        for (Map<String, Object> run : runs) {
            html.append("<h2>Scaling events: ").append(HtmlReport.escape(String.valueOf(run.get("mode"))));
            html.append("</h2>\n<table>\n<tr><th>s</th><th>event</th><th>members</th><th>desired</th><th>detail</th>");
            html.append("</tr>\n");
            for (Object event : (List<?>) run.get("events")) {
                Map<?, ?> fields = (Map<?, ?>) event;
                html.append("<tr>");
                for (String key : List.of("seconds", "kind", "members", "desired", "detail")) {
                    html.append("<td>").append(HtmlReport.escape(String.valueOf(fields.get(key)))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static JFreeChart members(List<Map<String, Object>> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map<String, Object> run : runs) {
            data.addSeries(series(run, "members", "members"));
            data.addSeries(series(run, "desired", "desired"));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Members and the advisor's desired members over time",
                "time from the start of the measured phase (s)", "members", data, PlotOrientation.VERTICAL, true, false,
                false);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        ReportCharts.style(chart);
        // Desired dashed and wider, so that it shows where it runs under the members.
        for (int i = 1; i < data.getSeriesCount(); i += 2) {
            chart.getXYPlot()
                .getRenderer()
                .setSeriesStroke(i, new BasicStroke(3.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f,
                        new float[] { 6.0f, 6.0f }, 0.0f));
        }
        return chart;
    }

    private static JFreeChart rates(List<Map<String, Object>> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        if (!runs.isEmpty()) {
            data.addSeries(series(runs.get(0), "offered", "offered"));
        }
        for (Map<String, Object> run : runs) {
            data.addSeries(series(run, "achieved", "achieved"));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Offered and achieved rate",
                "time from the start of the measured phase (s)", "ops/s", data, PlotOrientation.VERTICAL, true, false,
                false);
        ReportCharts.style(chart);
        return chart;
    }

    private static JFreeChart p99(List<Map<String, Object>> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map<String, Object> run : runs) {
            data.addSeries(series(run, "p99Micros", "p99"));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("p99 latency per second, all operations",
                "time from the start of the measured phase (s)", "latency (µs)", data, PlotOrientation.VERTICAL, true,
                false, false);
        ReportCharts.logRange(chart);
        ReportCharts.style(chart);
        return chart;
    }

    private static XYSeries series(Map<String, Object> run, String field, String label) {
        XYSeries series = new XYSeries(run.get("mode") + ": " + label, true, false);
        for (Object point : (List<?>) run.get("timeline")) {
            Map<?, ?> fields = (Map<?, ?>) point;
            double value = ((Number) fields.get(field)).doubleValue();
            if (value >= 0 && !(field.equals("p99Micros") && value == 0)) {
                series.add(((Number) fields.get("seconds")).doubleValue(), value);
            }
        }
        return series;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runs(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("runs");
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

}

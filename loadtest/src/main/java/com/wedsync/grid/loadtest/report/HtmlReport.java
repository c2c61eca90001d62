package com.wedsync.grid.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The human-readable account of one run, written as {@code report.html} next to {@code report.json}: a table of
 * the report's key figures and three charts drawn from the run's interval log ({@code latency.hlog}) with
 * JFreeChart, throughput over time, p50/p99 latency over time and the whole run's percentile spectrum, each
 * embedded as a base64 PNG so the page is one self-contained file.
 */
public final class HtmlReport {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String ALL = "ALL";

    private static final int WIDTH = 900;

    private static final int HEIGHT = 400;

    private HtmlReport() {
    }

    /**
     * Writes {@code report.html} in a folder.
     * @param folder the output folder
     * @param report the report's content, as {@link RunReport#of} builds it
     * @param intervalLog the run's interval log; if it does not exist the charts are drawn empty
     * @return the file written
     * @throws UncheckedIOException naming the file if the log cannot be read or the page cannot be written
     */
    public static Path write(Path folder, Map<String, Object> report, Path intervalLog) {
        Path file = folder.resolve("report.html");
        try {
            Files.createDirectories(folder);
            Series series = read(intervalLog);
            StringBuilder html = new StringBuilder(64 * 1024);
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("WedSync Grid load test: " + text(report.get("scenario")) + " on "
                        + text(report.get("target"))))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.pass{color:#080;font-weight:bold}"
                        + ".fail{color:#c00;font-weight:bold}img{display:block;margin-bottom:1.5em}</style>\n"
                        + "</head>\n<body>\n");
            html.append("<h1>").append(escape(text(report.get("scenario")))).append(" on ")
                .append(escape(text(report.get("target")))).append("</h1>\n");
            summary(html, report);
            latencies(html, report);
            hitRates(html, report);
            criteria(html, report);
            html.append("<h2>Charts</h2>\n");
            image(html, "Throughput over time", throughputChart(series));
            image(html, "Latency over time", latencyChart(series));
            image(html, "Percentile spectrum", spectrumChart(series));
            html.append("</body>\n</html>\n");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException | RuntimeException ex) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + ex.getMessage(), ex));
        }
    }

    /**
     * Escapes text for HTML content and attribute values.
     * @param text the text, or {@code null}
     * @return the escaped text, empty for {@code null}
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    // ---- the interval log

    /** Per interval start (seconds from the first interval), the histograms by tag, ALL included; and totals. */
    private record Series(TreeMap<Double, Map<String, Histogram>> intervals, Map<String, Histogram> totals,
            Map<Double, Double> durations) {
    }

    private static Series read(Path intervalLog) throws IOException {
        TreeMap<Double, Map<String, Histogram>> intervals = new TreeMap<>();
        Map<Double, Double> durations = new TreeMap<>();
        Map<String, Histogram> totals = new TreeMap<>();
        if (intervalLog == null || !Files.isRegularFile(intervalLog)) {
            return new Series(intervals, totals, durations);
        }
        List<Histogram> read = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(intervalLog.toFile());
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram histogram) {
                    read.add(histogram);
                }
            }
        }
        finally {
            reader.close();
        }
        long origin = read.stream().mapToLong(Histogram::getStartTimeStamp).min().orElse(0);
        for (Histogram histogram : read) {
            String tag = (histogram.getTag() != null) ? histogram.getTag() : "untagged";
            double start = Math.round((histogram.getStartTimeStamp() - origin) / 10.0) / 100.0;
            double seconds = Math.max(0.001, (histogram.getEndTimeStamp() - histogram.getStartTimeStamp()) / 1000.0);
            durations.merge(start, seconds, Math::max);
            Map<String, Histogram> byTag = intervals.computeIfAbsent(start, (s) -> new TreeMap<>());
            byTag.computeIfAbsent(tag, (t) -> new Histogram(3)).add(histogram);
            byTag.computeIfAbsent(ALL, (t) -> new Histogram(3)).add(histogram);
            totals.computeIfAbsent(tag, (t) -> new Histogram(3)).add(histogram);
            totals.computeIfAbsent(ALL, (t) -> new Histogram(3)).add(histogram);
        }
        return new Series(intervals, totals, durations);
    }

    // ---- charts

    private static JFreeChart throughputChart(Series series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String tag : tagsAllFirst(series)) {
            XYSeries line = new XYSeries(tag, true, false);
            series.intervals().forEach((start, byTag) -> {
                Histogram histogram = byTag.get(tag);
                long count = (histogram != null) ? histogram.getTotalCount() : 0;
                line.add(start.doubleValue(), count / series.durations().get(start));
            });
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Throughput over time (all tags and per tag)",
                "time (s)", "ops/s", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        return chart;
    }

    private static JFreeChart latencyChart(Series series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries p50 = new XYSeries("p50 (all)", true, false);
        XYSeries p99 = new XYSeries("p99 (all)", true, false);
        series.intervals().forEach((start, byTag) -> {
            Histogram all = byTag.get(ALL);
            p50.add(start.doubleValue(), micros(all.getValueAtPercentile(50)));
            p99.add(start.doubleValue(), micros(all.getValueAtPercentile(99)));
        });
        data.addSeries(p50);
        data.addSeries(p99);
        JFreeChart chart = ChartFactory.createXYLineChart("Latency over time", "time (s)", "latency (µs)", data,
                PlotOrientation.VERTICAL, true, false, false);
        logRange(chart);
        style(chart);
        return chart;
    }

    private static JFreeChart spectrumChart(Series series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String tag : tagsAllFirst(series)) {
            XYSeries line = new XYSeries(tag, true, false);
            Histogram histogram = series.totals().get(tag);
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                double percentile = value.getPercentileLevelIteratedTo();
                if (percentile >= 100.0) {
                    break;
                }
                double nines = -Math.log10(1.0 - percentile / 100.0);
                if (nines > 5.0) {
                    break;
                }
                line.add(nines, micros(value.getValueIteratedTo()));
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Percentile spectrum, whole run (1 = p90, 2 = p99, 3 = p99.9 ...)",
                "percentile (nines)", "latency (µs)", data, PlotOrientation.VERTICAL, true, false, false);
        logRange(chart);
        style(chart);
        return chart;
    }

    private static List<String> tagsAllFirst(Series series) {
        List<String> tags = new ArrayList<>();
        if (series.totals().containsKey(ALL)) {
            tags.add(ALL);
        }
        series.totals().keySet().stream().filter((tag) -> !ALL.equals(tag)).forEach(tags::add);
        return tags;
    }

    private static void logRange(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        if (plot.getDataset().getSeriesCount() > 0 && plot.getDataset().getItemCount(0) > 0) {
            LogAxis axis = new LogAxis(plot.getRangeAxis().getLabel());
            axis.setSmallestValue(0.1);
            axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
            plot.setRangeAxis(axis);
        }
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(i == 0 ? 2.0f : 1.2f));
        }
    }

    private static void image(StringBuilder html, String alt, JFreeChart chart) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        html.append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.toByteArray()))
            .append("\" alt=\"").append(escape(alt)).append("\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\">\n");
    }

    // ---- tables

    private static void summary(StringBuilder html, Map<String, Object> report) {
        html.append("<h2>Run</h2>\n<table>\n");
        for (String key : List.of("scenario", "target", "mode", "workload", "members", "threads", "requestedRate",
                "achievedRate", "measuredSeconds", "ops", "errors", "unissued", "started", "passed")) {
            if (report.containsKey(key)) {
                row(html, "td", key, text(report.get(key)));
            }
        }
        html.append("</table>\n");
    }

    private static void latencies(StringBuilder html, Map<String, Object> report) {
        if (!(report.get("latencyMicros") instanceof Map<?, ?> latency)) {
            return;
        }
        List<String> columns = List.of("count", "p50", "p90", "p95", "p99", "p999", "max");
        html.append("<h2>Latency (µs)</h2>\n<table>\n");
        List<String> header = new ArrayList<>(List.of("series"));
        header.addAll(columns);
        row(html, "th", header.toArray(String[]::new));
        for (String name : List.of(ALL, "GET", "PUT")) {
            if (latency.get(name) instanceof Map<?, ?> values) {
                List<String> cells = new ArrayList<>(List.of(name));
                columns.forEach((column) -> cells.add(text(values.get(column))));
                row(html, "td", cells.toArray(String[]::new));
            }
        }
        html.append("</table>\n");
    }

    private static void hitRates(StringBuilder html, Map<String, Object> report) {
        if (!(report.get("readHitRates") instanceof Map<?, ?> rates)) {
            return;
        }
        html.append("<h2>Read hit rates</h2>\n<table>\n");
        row(html, "th", "layer", "share of reads");
        rates.forEach((layer, rate) -> row(html, "td", text(layer), text(rate)));
        html.append("</table>\n");
    }

    private static void criteria(StringBuilder html, Map<String, Object> report) {
        if (!(report.get("criteria") instanceof List<?> criteria)) {
            return;
        }
        html.append("<h2>Criteria</h2>\n<table>\n");
        row(html, "th", "criterion", "measured", "verdict");
        for (Object item : criteria) {
            String name;
            Object measured;
            boolean pass;
            if (item instanceof Criterion criterion) {
                name = criterion.name();
                measured = criterion.measured();
                pass = criterion.pass();
            }
            else if (item instanceof Map<?, ?> map) {
                name = text(map.get("name"));
                measured = map.get("measured");
                pass = Boolean.TRUE.equals(map.get("pass"));
            }
            else {
                continue;
            }
            html.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(text(measured)))
                .append("</td><td class=\"").append(pass ? "pass\">PASS" : "fail\">FAIL").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String cell, String... values) {
        html.append("<tr>");
        for (String value : values) {
            html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
        }
        html.append("</tr>\n");
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return (number == Math.rint(number) && Math.abs(number) < 1e15) ? String.valueOf((long) number)
                    : String.valueOf(number);
        }
        return String.valueOf(value);
    }

    private static double micros(long nanos) {
        return Math.max(0.1, nanos / 1000.0);
    }
}

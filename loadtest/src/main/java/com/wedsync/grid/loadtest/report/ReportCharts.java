package com.wedsync.grid.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
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
 * The charts of {@code report.html}, drawn with JFreeChart from a run's interval log:
 * throughput over time, p50 and p99 over time, and the whole run's percentile spectrum,
 * each embedded as a base64 PNG.
 */
final class ReportCharts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String ALL = "ALL";

    private static final int WIDTH = 900;

    private static final int HEIGHT = 400;

    private ReportCharts() {
    }

    /**
     * Per interval start (seconds from the first interval), the histograms by tag, ALL
     * included; and totals.
     */
    record Series(TreeMap<Double, Map<String, Histogram>> intervals, Map<String, Histogram> totals,
            Map<Double, Double> durations) {
    }

    static Series read(Path intervalLog) throws IOException {
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

    static JFreeChart throughput(Series series) {
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
        JFreeChart chart = ChartFactory.createXYLineChart("Throughput over time (all tags and per tag)", "time (s)",
                "ops/s", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        return chart;
    }

    static JFreeChart latency(Series series) {
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

    static JFreeChart spectrum(Series series) {
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
                "Percentile spectrum, whole run (1 = p90, 2 = p99, 3 = p99.9 ...)", "percentile (nines)",
                "latency (µs)", data, PlotOrientation.VERTICAL, true, false, false);
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

    static void logRange(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        if (plot.getDataset().getSeriesCount() > 0 && plot.getDataset().getItemCount(0) > 0) {
            LogAxis axis = new LogAxis(plot.getRangeAxis().getLabel());
            axis.setSmallestValue(0.1);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            plot.setRangeAxis(axis);
        }
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(i == 0 ? 2.0f : 1.2f));
        }
    }

    static void image(StringBuilder html, String alt, JFreeChart chart) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        html.append("<img src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(png.toByteArray()))
            .append("\" alt=\"")
            .append(HtmlReport.escape(alt))
            .append("\" width=\"")
            .append(WIDTH)
            .append("\" height=\"")
            .append(HEIGHT)
            .append("\">\n");
    }

    private static double micros(long nanos) {
        return Math.max(0.1, nanos / 1000.0);
    }

}

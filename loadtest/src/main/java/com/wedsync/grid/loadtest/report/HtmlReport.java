package com.wedsync.grid.loadtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The human-readable account of one run, written as {@code report.html} next to
 * {@code report.json}: a table of the report's key figures and three charts drawn from
 * the run's interval log ({@code latency.hlog}) with JFreeChart, throughput over time,
 * p50/p99 latency over time and the whole run's percentile spectrum, each embedded as a
 * base64 PNG so the page is one self-contained file.
 */
public final class HtmlReport {

    private static final String ALL = "ALL";

    private HtmlReport() {
    }

    /**
     * Writes {@code report.html} in a folder.
     * @param folder the output folder
     * @param report the report's content, as {@link RunReport#of} builds it
     * @param intervalLog the run's interval log; if it does not exist the charts are
     * drawn empty
     * @return the file written
     * @throws UncheckedIOException naming the file if the log cannot be read or the page
     * cannot be written
     */
    public static Path write(Path folder, Map<String, Object> report, Path intervalLog) {
        Path file = folder.resolve("report.html");
        try {
            Files.createDirectories(folder);
            ReportCharts.Series series = ReportCharts.read(intervalLog);
            StringBuilder html = new StringBuilder(64 * 1024);
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("WedSync Grid load test: " + text(report.get("scenario")) + " on "
                        + text(report.get("target"))))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.pass{color:#080;font-weight:bold}"
                        + ".fail{color:#c00;font-weight:bold}img{display:block;margin-bottom:1.5em}</style>\n"
                        + "</head>\n<body>\n");
            html.append("<h1>")
                .append(escape(text(report.get("scenario"))))
                .append(" on ")
                .append(escape(text(report.get("target"))))
                .append("</h1>\n");
            summary(html, report);
            latencies(html, report);
            hitRates(html, report);
            findings(html, report);
            criteria(html, report);
            html.append("<h2>Charts</h2>\n");
            ReportCharts.image(html, "Throughput over time", ReportCharts.throughput(series));
            ReportCharts.image(html, "Latency over time", ReportCharts.latency(series));
            ReportCharts.image(html, "Percentile spectrum", ReportCharts.spectrum(series));
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
        row(html, "th", "class", "reads", "L1", "L2", "MISS");
        row(html, "td", "all", "", text(rates.get("L1")), text(rates.get("L2")), text(rates.get("MISS")));
        if (report.get("readHitRatesByClass") instanceof Map<?, ?> byClass) {
            byClass.forEach((dataClass, values) -> {
                if (values instanceof Map<?, ?> shares) {
                    row(html, "td", text(dataClass), text(shares.get("reads")), text(shares.get("L1")),
                            text(shares.get("L2")), text(shares.get("MISS")));
                }
            });
        }
        html.append("</table>\n");
    }

    private static void findings(StringBuilder html, Map<String, Object> report) {
        if (!(report.get("findings") instanceof Map<?, ?> findings) || findings.isEmpty()) {
            return;
        }
        html.append("<h2>Findings</h2>\n<table>\n");
        row(html, "th", "finding", "value");
        findings.forEach((group, values) -> {
            if (values instanceof Map<?, ?> map) {
                map.forEach((name, value) -> row(html, "td", group + "." + name, text(value)));
            }
            else {
                row(html, "td", text(group), text(values));
            }
        });
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
            html.append("<tr><td>")
                .append(escape(name))
                .append("</td><td>")
                .append(escape(text(measured)))
                .append("</td><td class=\"")
                .append(pass ? "pass\">PASS" : "fail\">FAIL")
                .append("</td></tr>\n");
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

}

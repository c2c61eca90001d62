package com.wedsync.grid.loadtest.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * An HdrHistogram interval log ({@code .hlog}) of a run's measured phase: one line per
 * series and interval, tagged with the series (for example {@code GET/L1}), readable by
 * {@code HistogramLogReader} and HdrHistogram's plotting tools. Without a path it writes
 * nothing.
 */
final class IntervalLog implements AutoCloseable {

    private final PrintStream out;

    private final HistogramLogWriter writer;

    private IntervalLog(PrintStream out) {
        this.out = out;
        this.writer = (out != null) ? new HistogramLogWriter(out) : null;
    }

    /**
     * Opens a log and writes its header.
     * @param path the file to write, replaced if it exists, or {@code null} for no log
     * @param comment a line describing the run
     * @param startEpochMillis the run's start, the base of the log's relative timestamps
     * @return the log
     * @throws UncheckedIOException if the file cannot be opened
     */
    static IntervalLog open(Path path, String comment, long startEpochMillis) {
        if (path == null) {
            return new IntervalLog(null);
        }
        try {
            PrintStream out = new PrintStream(Files.newOutputStream(path), false, StandardCharsets.UTF_8);
            IntervalLog log = new IntervalLog(out);
            log.writer.outputComment(comment);
            log.writer.outputLogFormatVersion();
            log.writer.outputStartTime(startEpochMillis);
            log.writer.setBaseTime(startEpochMillis);
            log.writer.outputBaseTime(startEpochMillis);
            log.writer.outputLegend();
            return log;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the interval log " + path, ex);
        }
    }

    /**
     * Writes the non-empty series of one interval, max column in milliseconds.
     * @param interval the interval histograms, in nanoseconds, with their start and end
     * timestamps set
     */
    void write(Map<OpLayer, Histogram> interval) {
        if (this.writer == null) {
            return;
        }
        interval.forEach((series, histogram) -> {
            if (histogram.getTotalCount() > 0) {
                histogram.setTag(series.tag());
                this.writer.outputIntervalHistogram(histogram);
            }
        });
    }

    /**
     * Flushes and closes the file.
     * @throws UncheckedIOException if writing failed at any point
     */
    @Override
    public void close() {
        if (this.out != null) {
            this.out.close();
            if (this.out.checkError()) {
                throw new UncheckedIOException(new IOException("writing the interval log failed"));
            }
        }
    }

}

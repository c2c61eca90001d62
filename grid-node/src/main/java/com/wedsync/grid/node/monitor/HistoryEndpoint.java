package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/history?window=6h}: this member's kept samples over a window (1 h
 * unless asked, at most what the history keeps), thinned to at most {@value #MAX_POINTS}
 * points so that a day's history stays a small answer. Protected by the admin token.
 */
@Endpoint(id = "history")
public class HistoryEndpoint {

    /** The most points one answer holds. */
    public static final int MAX_POINTS = 720;

    /** The window unless the request names one. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final SampleHistory history;

    private final Duration kept;

    private final Clock clock;

    /**
     * Creates the endpoint.
     * @param history the member's samples
     * @param kept how far back the history reaches ({@code grid.monitor.history})
     * @param clock the monitor's clock
     */
    public HistoryEndpoint(SampleHistory history, Duration kept, Clock clock) {
        this.history = history;
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * Reads the samples of a window.
     * @param window how far back, such as {@code 30m} or {@code 6h}; 1 h when absent
     * @return the view
     * @throws InvalidEndpointRequestException (400) naming the window when it is not a
     * duration or lies outside 1 s to the kept history
     */
    @ReadOperation
    public HistoryView history(@Nullable String window) {
        Duration span = window(window);
        Instant to = this.clock.instant();
        List<MemberSample> samples = this.history.since(to.minus(span));
        int step = Math.max(1, (samples.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<HistoryView.Point> points = new ArrayList<>();
        // Counted back from the newest, so that it is always shown.
        for (int i = Math.floorMod(samples.size() - 1, step); i < samples.size(); i += step) {
            points.add(HistoryView.Point.of(samples.get(i)));
        }
        return new HistoryView(Durations.format(span), to.minus(span), to, samples.size(), step, points);
    }

    private Duration window(@Nullable String window) {
        if (window == null) {
            return DEFAULT_WINDOW;
        }
        String problem;
        try {
            Duration span = Durations.parse("window", window);
            if (span.compareTo(Duration.ofSeconds(1)) >= 0 && span.compareTo(this.kept) <= 0) {
                return span;
            }
            problem = "window (" + window + ") must be between 1s and the kept history, " + Durations.format(this.kept);
        }
        catch (IllegalArgumentException ex) {
            problem = ex.getMessage();
        }
        throw new InvalidEndpointRequestException(problem, problem);
    }

}

package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;

/**
 * How a run drives its target: the rate and its spacing, the threads, and the phases in time. Every run is bounded
 * by {@link #deadline()}.
 *
 * @param rate the intended operations per second of all threads together; 0 runs closed loop, as fast as the
 * target answers (a maximum-throughput measurement, labelled as such, whose latencies omit queueing)
 * @param arrival how intended start times are spaced (ignored in closed loop)
 * @param threads the generator threads, each with one operation in flight at a time
 * @param warmup the time run first and then discarded from the results
 * @param duration the measured time, after the warm-up
 * @param grace how long after the end to wait for operations still in flight before abandoning their threads
 * @param seed the seed of every thread's random, so that a run's operations can be reproduced
 */
public record RunSettings(double rate, Arrival arrival, int threads, Duration warmup, Duration duration,
        Duration grace, long seed) {

    /** The most operations per second a run may ask for. */
    public static final double MAX_RATE = 1e9;

    /** The most generator threads a run may use. */
    public static final int MAX_THREADS = 4096;

    /** The grace the factories use. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** The seed the factories use. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the field and the value if one is out of range or missing
     */
    public RunSettings {
        require(Double.isFinite(rate) && rate >= 0 && rate <= MAX_RATE, "rate (" + rate
                + ") must be 0 (closed loop) or a positive number of operations per second up to " + (long) MAX_RATE);
        require(arrival != null, "arrival must not be null; expected CONSTANT or POISSON");
        require(threads >= 1 && threads <= MAX_THREADS,
                "threads (" + threads + ") must be between 1 and " + MAX_THREADS);
        requireDuration("warmup", warmup, false);
        requireDuration("duration", duration, true);
        requireDuration("grace", grace, true);
    }

    /**
     * Creates open-loop settings with constant arrivals, no warm-up, the default grace and seed.
     * @param rate operations per second of all threads together, positive
     * @param threads the generator threads
     * @param duration the measured time
     * @return the settings
     * @throws IllegalArgumentException naming the field and the value if one is out of range
     */
    public static RunSettings openLoop(double rate, int threads, Duration duration) {
        require(rate != 0, "rate (0.0) must be positive for an open-loop run");
        return new RunSettings(rate, Arrival.CONSTANT, threads, Duration.ZERO, duration, DEFAULT_GRACE, DEFAULT_SEED);
    }

    /**
     * Creates closed-loop (maximum throughput) settings with no warm-up, the default grace and seed.
     * @param threads the generator threads
     * @param duration the measured time
     * @return the settings
     * @throws IllegalArgumentException naming the field and the value if one is out of range
     */
    public static RunSettings closedLoop(int threads, Duration duration) {
        return new RunSettings(0, Arrival.CONSTANT, threads, Duration.ZERO, duration, DEFAULT_GRACE, DEFAULT_SEED);
    }

    /**
     * Tells whether the run is closed loop: no intended start times, each thread issues its next operation when
     * the previous one completes.
     * @return {@code true} when {@link #rate()} is 0
     */
    public boolean closedLoop() {
        return this.rate == 0;
    }

    /**
     * Returns the hard bound on the run's time from its start: warm-up, duration and grace.
     * @return the deadline
     */
    public Duration deadline() {
        return this.warmup.plus(this.duration).plus(this.grace);
    }

    private static void requireDuration(String field, Duration value, boolean positive) {
        require(value != null, field + " must not be null");
        boolean valid = positive ? !value.isNegative() && !value.isZero() : !value.isNegative();
        String named = field + " (" + Durations.format(value) + ")";
        require(valid, named + " must " + (positive ? "be positive" : "not be negative"));
        // A day leaves room for any scenario and keeps every nanoTime sum far from overflowing.
        require(value.compareTo(Duration.ofDays(1)) <= 0, named + " must be at most 1d");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

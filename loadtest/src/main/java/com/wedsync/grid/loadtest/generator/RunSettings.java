package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;

/**
 * How a run drives its target: the rate and its spacing, the threads, and the phases in
 * time. Every run is bounded by {@link #deadline()}.
 *
 * @param rate the intended operations per second of all threads together; 0 runs closed
 * loop, as fast as the target answers (a maximum-throughput measurement, labelled as
 * such, whose latencies omit queueing)
 * @param arrival how intended start times are spaced (ignored in closed loop)
 * @param threads the generator threads; each has one operation in flight at a time unless
 * {@code inFlight} is set
 * @param warmup the time run first and then discarded from the results
 * @param duration the measured time, after the warm-up
 * @param grace how long after the end to wait for operations still in flight before
 * abandoning them (and their threads, for synchronous operations)
 * @param seed the seed of every thread's random, so that a run's operations can be
 * reproduced
 * @param profile how the open-loop rate changes over the measured phase
 * ({@link RateProfile#CONSTANT} for not at all)
 * @param inFlight 0 for synchronous operations (each thread has one in flight); otherwise
 * the most operations in flight at once across all threads, issued through
 * {@link com.wedsync.grid.loadtest.target.Target#executeAsync}
 * @param maxOps 0 for no bound; otherwise the run ends once this many measured operations
 * have been issued, or at the end of its duration, whichever comes first
 */
public record RunSettings(double rate, Arrival arrival, int threads, Duration warmup, Duration duration, Duration grace,
        long seed, RateProfile profile, int inFlight, long maxOps) {

    /** The most operations a run may keep in flight. */
    public static final int MAX_IN_FLIGHT = 65_536;

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
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range or missing
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
        require(profile != null, "profile must not be null; use RateProfile.CONSTANT");
        require(inFlight >= 0 && inFlight <= MAX_IN_FLIGHT,
                "inFlight (" + inFlight + ") must be 0 (synchronous) or between 1 and " + MAX_IN_FLIGHT);
        require(maxOps >= 0, "maxOps (" + maxOps + ") must be 0 (no bound) or positive");
    }

    /**
     * Creates settings with a constant rate, synchronous operations and no bound on the
     * operations.
     * @param rate see {@link #rate()}
     * @param arrival see {@link #arrival()}
     * @param threads see {@link #threads()}
     * @param warmup see {@link #warmup()}
     * @param duration see {@link #duration()}
     * @param grace see {@link #grace()}
     * @param seed see {@link #seed()}
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range or missing
     */
    public RunSettings(double rate, Arrival arrival, int threads, Duration warmup, Duration duration, Duration grace,
            long seed) {
        this(rate, arrival, threads, warmup, duration, grace, seed, RateProfile.CONSTANT, 0, 0);
    }

    /**
     * Returns a copy with another rate profile.
     * @param newProfile the profile
     * @return the copy
     * @throws IllegalArgumentException if it is {@code null}
     */
    public RunSettings withProfile(RateProfile newProfile) {
        return new RunSettings(this.rate, this.arrival, this.threads, this.warmup, this.duration, this.grace, this.seed,
                newProfile, this.inFlight, this.maxOps);
    }

    /**
     * Returns a copy with another bound on the operations in flight.
     * @param newInFlight 0 for synchronous operations, or the most in flight at once
     * @return the copy
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public RunSettings withInFlight(int newInFlight) {
        return new RunSettings(this.rate, this.arrival, this.threads, this.warmup, this.duration, this.grace, this.seed,
                this.profile, newInFlight, this.maxOps);
    }

    /**
     * Returns a copy with another bound on the measured operations.
     * @param newMaxOps 0 for none, or the most measured operations to issue
     * @return the copy
     * @throws IllegalArgumentException naming the value if it is negative
     */
    public RunSettings withMaxOps(long newMaxOps) {
        return new RunSettings(this.rate, this.arrival, this.threads, this.warmup, this.duration, this.grace, this.seed,
                this.profile, this.inFlight, newMaxOps);
    }

    /**
     * Creates open-loop settings with constant arrivals, no warm-up, the default grace
     * and seed.
     * @param rate operations per second of all threads together, positive
     * @param threads the generator threads
     * @param duration the measured time
     * @return the settings
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range
     */
    public static RunSettings openLoop(double rate, int threads, Duration duration) {
        require(rate != 0, "rate (0.0) must be positive for an open-loop run");
        return new RunSettings(rate, Arrival.CONSTANT, threads, Duration.ZERO, duration, DEFAULT_GRACE, DEFAULT_SEED);
    }

    /**
     * Creates closed-loop (maximum throughput) settings with no warm-up, the default
     * grace and seed.
     * @param threads the generator threads
     * @param duration the measured time
     * @return the settings
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range
     */
    public static RunSettings closedLoop(int threads, Duration duration) {
        return new RunSettings(0, Arrival.CONSTANT, threads, Duration.ZERO, duration, DEFAULT_GRACE, DEFAULT_SEED);
    }

    /**
     * Tells whether the run is closed loop: no intended start times, each thread issues
     * its next operation when the previous one completes.
     * @return {@code true} when {@link #rate()} is 0
     */
    public boolean closedLoop() {
        return this.rate == 0;
    }

    /**
     * Returns the hard bound on the run's time from its start: warm-up, duration and
     * grace.
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
        // A day leaves room for any scenario and keeps every nanoTime sum far from
        // overflowing.
        require(value.compareTo(Duration.ofDays(1)) <= 0, named + " must be at most 1d");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

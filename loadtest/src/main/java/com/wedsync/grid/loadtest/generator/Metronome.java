package com.wedsync.grid.loadtest.generator;

import java.util.SplittableRandom;

/**
 * The intended start times of one generator thread: pure arithmetic on {@code nanoTime}
 * values, no waiting (see {@link Pacer}). A thread that falls behind still gets every
 * intended time, so the lag shows up as latency instead of being skipped
 * (coordinated-omission correction).
 * <p>
 * The schedule is laid out at the base rate and then mapped through the
 * {@link RateProfile}'s time change, so the rate follows the profile over the measured
 * phase (the warm-up runs at the base rate) without any state that could drift.
 */
final class Metronome {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Arrival arrival;

    private final long origin;

    private final double intervalNanos;

    private final SplittableRandom random;

    private final long measureStart;

    private final RateProfile profile;

    private double offsetNanos;

    private long count;

    private Metronome(Arrival arrival, long origin, double intervalNanos, double phaseNanos, SplittableRandom random,
            long measureStart, RateProfile profile) {
        this.arrival = arrival;
        this.origin = origin;
        this.intervalNanos = intervalNanos;
        this.offsetNanos = phaseNanos;
        this.random = random;
        this.measureStart = measureStart;
        this.profile = profile;
    }

    /**
     * Creates the metronome of one of {@code threads} threads sharing a constant
     * {@code totalRate}.
     * @param arrival constant or Poisson spacing
     * @param totalRate the operations per second of all threads together, positive
     * @param threads the number of threads sharing the rate
     * @param index this thread's index, from 0
     * @param origin the {@code nanoTime} the schedule starts at
     * @param random this thread's random for Poisson gaps
     * @return the metronome
     */
    static Metronome forThread(Arrival arrival, double totalRate, int threads, int index, long origin,
            SplittableRandom random) {
        return forThread(arrival, totalRate, threads, index, origin, random, origin, RateProfile.CONSTANT);
    }

    /**
     * Creates the metronome of one of {@code threads} threads sharing {@code totalRate},
     * changed over the measured phase by a profile. Constant schedules are staggered so
     * that the threads do not all fire at once.
     * @param arrival constant or Poisson spacing
     * @param totalRate the base operations per second of all threads together, positive
     * @param threads the number of threads sharing the rate
     * @param index this thread's index, from 0
     * @param origin the {@code nanoTime} the schedule starts at
     * @param random this thread's random for Poisson gaps
     * @param measureStart the {@code nanoTime} the measured phase starts at, where the
     * profile's time counts from
     * @param profile the multiplier of the rate over the measured phase
     * @return the metronome
     */
    static Metronome forThread(Arrival arrival, double totalRate, int threads, int index, long origin,
            SplittableRandom random, long measureStart, RateProfile profile) {
        double interval = threads * NANOS_PER_SECOND / totalRate;
        double phase = (arrival == Arrival.CONSTANT) ? interval * index / threads : 0;
        return new Metronome(arrival, origin, interval, phase, random, measureStart, profile);
    }

    /**
     * Returns the next intended start time; never skips one, whatever the time is now.
     * @return a {@code nanoTime} value, strictly after the previous one for Poisson,
     * spaced by the rate for constant
     */
    long next() {
        double offset;
        if (this.arrival == Arrival.POISSON) {
            // Inverse transform of the exponential distribution; 1 - u is in (0, 1], so
            // the log is finite.
            this.offsetNanos += -Math.log(1.0 - this.random.nextDouble()) * this.intervalNanos;
            offset = this.offsetNanos;
        }
        else {
            // Multiply instead of adding up, so rounding does not drift over millions of
            // operations.
            offset = this.offsetNanos + this.count++ * this.intervalNanos;
        }
        if (this.profile.constant()) {
            return this.origin + (long) offset;
        }
        double work = (this.origin - this.measureStart) + offset;
        return this.measureStart + (long) this.profile.nanosAt(work);
    }

    /**
     * Returns the mean gap between intended starts at the base rate.
     * @return nanoseconds
     */
    double intervalNanos() {
        return this.intervalNanos;
    }

}

package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;

/**
 * How an open-loop run's rate changes over its measured phase, as a multiplier of
 * {@link RunSettings#rate()}: 1 through the warm-up and for {@code hold}, then a straight
 * ramp over {@code ramp} to {@code peak}, which is held for {@code top}, then a straight
 * fall over {@code fall} back to 1, held to the end. A {@code top} of {@link #HELD} holds
 * the peak to the end (no fall). {@link #CONSTANT} is 1 throughout.
 *
 * @param peak the multiplier reached at the end of the ramp, between {@value #MIN_PEAK}
 * and {@value #MAX_PEAK}
 * @param hold how long the measured phase runs at the base rate before the ramp starts
 * @param ramp how long the ramp takes; zero for a step
 * @param top how long the peak is held before the fall; {@link #HELD} for to the end
 * @param fall how long the fall back to the base rate takes; zero for a step
 */
public record RateProfile(double peak, Duration hold, Duration ramp, Duration top, Duration fall) {

    /** The smallest peak multiplier. */
    public static final double MIN_PEAK = 0.01;

    /** The largest peak multiplier. */
    public static final double MAX_PEAK = 1000;

    /** A {@code top} that holds the peak to the end of any run: a day. */
    public static final Duration HELD = Duration.ofDays(1);

    /** The base rate throughout. */
    public static final RateProfile CONSTANT = new RateProfile(1, Duration.ZERO, Duration.ZERO);

    /**
     * Validates the profile.
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range or missing
     */
    public RateProfile {
        if (!(peak >= MIN_PEAK && peak <= MAX_PEAK)) {
            throw new IllegalArgumentException(
                    "peak (" + peak + ") must be between " + MIN_PEAK + " and " + (long) MAX_PEAK);
        }
        requireDuration("hold", hold);
        requireDuration("ramp", ramp);
        requireDuration("top", top);
        requireDuration("fall", fall);
    }

    /**
     * Creates a profile that ramps to its peak and holds it to the end.
     * @param peak see {@link #peak()}
     * @param hold see {@link #hold()}
     * @param ramp see {@link #ramp()}
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range or missing
     */
    public RateProfile(double peak, Duration hold, Duration ramp) {
        this(peak, hold, ramp, HELD, Duration.ZERO);
    }

    /**
     * Returns the multiplier at a point of the run.
     * @param nanosIntoMeasured nanoseconds since the measured phase started; negative in
     * the warm-up
     * @return 1 before and during the hold, {@code peak} through the top, 1 after the
     * fall, linear on the ramp and the fall
     */
    public double multiplier(long nanosIntoMeasured) {
        if (nanosIntoMeasured <= this.hold.toNanos()) {
            return 1;
        }
        double into = nanosIntoMeasured;
        for (Segment segment : segments()) {
            if (into <= segment.nanos()) {
                return segment.at(into);
            }
            into -= segment.nanos();
        }
        return 1;
    }

    /**
     * Returns when the run has done a given amount of work, where work is time weighted
     * by the multiplier: the inverse of the integral of {@link #multiplier}. A schedule
     * laid out at the base rate and mapped through this follows the profile exactly (for
     * a Poisson schedule too: a time change keeps it a Poisson process, of the changing
     * rate), and each time is computed on its own, so nothing accumulates rounding.
     * @param work base-rate nanoseconds since the measured phase started; negative in the
     * warm-up
     * @return nanoseconds since the measured phase started, equal to {@code work} up to
     * the end of the hold
     */
    double nanosAt(double work) {
        if (work <= this.hold.toNanos()) {
            return work;
        }
        double elapsed = 0;
        double left = work;
        for (Segment segment : segments()) {
            double segmentWork = segment.work();
            if (left < segmentWork) {
                return elapsed + segment.timeFor(left);
            }
            elapsed += segment.nanos();
            left -= segmentWork;
        }
        return elapsed + left;
    }

    /**
     * Tells whether the rate never changes.
     * @return {@code true} when the peak is 1
     */
    public boolean constant() {
        return this.peak == 1;
    }

    /**
     * Tells whether the rate falls back to the base rate after its peak.
     * @return {@code false} when the peak is held to the end
     */
    public boolean fallsBack() {
        return this.top.compareTo(HELD) < 0;
    }

    private Segment[] segments() {
        return new Segment[] { new Segment(this.hold.toNanos(), 1, 1), new Segment(this.ramp.toNanos(), 1, this.peak),
                // Held: for ever, however many operations the schedule lays out.
                new Segment(fallsBack() ? this.top.toNanos() : Double.POSITIVE_INFINITY, this.peak, this.peak),
                new Segment(this.fall.toNanos(), this.peak, 1) };
    }

    private static void requireDuration(String field, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative() || value.compareTo(HELD) > 0) {
            throw new IllegalArgumentException(field + " (" + Durations.format(value) + ") must be between 0 and 1d");
        }
    }

    /**
     * A stretch over which the multiplier goes linearly from {@code from} to {@code to}.
     */
    private record Segment(double nanos, double from, double to) {

        double at(double into) {
            if (this.nanos == 0) {
                return this.to;
            }
            return this.from + (this.to - this.from) * (into / this.nanos);
        }

        double work() {
            return this.nanos * (this.from + this.to) / 2;
        }

        /**
         * Solves from u + (to - from) u^2 / (2 nanos) = work for u in [0, nanos], in the
         * form that stays exact when from and to are close (no division by the
         * quadratic's leading coefficient).
         */
        double timeFor(double work) {
            double slope = (this.to - this.from) / this.nanos;
            double root = Math.sqrt(Math.max(0, this.from * this.from + 2 * slope * work));
            return 2 * work / (this.from + root);
        }
    }

}

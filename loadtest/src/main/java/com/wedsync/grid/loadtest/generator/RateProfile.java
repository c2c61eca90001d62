package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;

/**
 * How an open-loop run's rate changes over its measured phase, as a multiplier of
 * {@link RunSettings#rate()}: 1 through the warm-up and for {@code hold}, then a straight
 * ramp over {@code ramp} to {@code peak}, which is held to the end. {@link #CONSTANT} is
 * 1 throughout.
 *
 * @param peak the multiplier reached at the end of the ramp, between {@value #MIN_PEAK}
 * and {@value #MAX_PEAK}
 * @param hold how long the measured phase runs at the base rate before the ramp starts
 * @param ramp how long the ramp takes; zero for a step
 */
public record RateProfile(double peak, Duration hold, Duration ramp) {

    /** The smallest peak multiplier. */
    public static final double MIN_PEAK = 0.01;

    /** The largest peak multiplier. */
    public static final double MAX_PEAK = 1000;

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
    }

    /**
     * Returns the multiplier at a point of the run.
     * @param nanosIntoMeasured nanoseconds since the measured phase started; negative in
     * the warm-up
     * @return 1 before and during the hold, {@code peak} after the ramp, linear in
     * between
     */
    public double multiplier(long nanosIntoMeasured) {
        long intoRamp = nanosIntoMeasured - this.hold.toNanos();
        if (intoRamp <= 0) {
            return 1;
        }
        long rampNanos = this.ramp.toNanos();
        if (intoRamp >= rampNanos) {
            return this.peak;
        }
        return 1 + (this.peak - 1) * ((double) intoRamp / rampNanos);
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
        double hold = this.hold.toNanos();
        if (work <= hold) {
            return work;
        }
        double ramp = this.ramp.toNanos();
        double rampWork = ramp * (1 + this.peak) / 2;
        double intoRamp = work - hold;
        if (intoRamp >= rampWork) {
            return hold + ramp + (intoRamp - rampWork) / this.peak;
        }
        // Solves u + (peak - 1) u^2 / (2 ramp) = intoRamp for u in [0, ramp], in the form
        // that stays exact when the peak is close to 1 (no division by the quadratic's
        // leading coefficient).
        double a = (this.peak - 1) / (2 * ramp);
        return hold + 2 * intoRamp / (1 + Math.sqrt(1 + 4 * a * intoRamp));
    }

    /**
     * Tells whether the rate never changes.
     * @return {@code true} when the peak is 1
     */
    public boolean constant() {
        return this.peak == 1;
    }

    private static void requireDuration(String field, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(field + " (" + Durations.format(value) + ") must be between 0 and 1d");
        }
    }
}

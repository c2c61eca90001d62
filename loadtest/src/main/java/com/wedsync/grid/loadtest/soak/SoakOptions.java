package com.wedsync.grid.loadtest.soak;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.generator.Arrival;
import com.wedsync.grid.loadtest.generator.RunSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one soak does: a steady open-loop load for a time, sampled at an interval, judged
 * after a warm-up.
 *
 * @param duration the whole load, warm-up included
 * @param warmup the first part of it, after which series must not grow
 * @param sampleInterval the time between samples, at least 1 s (the load's progress ticks
 * once a second)
 * @param rate the operations per second, positive: a soak is open loop
 * @param threads the generator threads
 * @param maxGrowth the growth allowed, for example 0.10 for 10 %
 */
public record SoakOptions(Duration duration, Duration warmup, Duration sampleInterval, double rate, int threads,
        double maxGrowth) {

    private static final Pattern SHARE = Pattern.compile("\\d+(\\.\\d+)?%?");

    /**
     * Checks the options.
     * @throws IllegalArgumentException naming the option and the value of the first bad
     * one
     */
    public SoakOptions {
        require(!duration.isNegative() && !duration.isZero() && duration.compareTo(Duration.ofDays(1)) <= 0,
                "--duration (" + Durations.format(duration) + ") must be positive and at most 1d");
        require(!warmup.isNegative() && warmup.compareTo(duration) < 0, "--warmup (" + Durations.format(warmup)
                + ") must not be negative and must be shorter than --duration (" + Durations.format(duration) + ")");
        require(sampleInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                "--sample-interval (" + Durations.format(sampleInterval) + ") must be at least 1s");
        require(sampleInterval.multipliedBy(2).compareTo(duration.minus(warmup)) <= 0,
                "--sample-interval (" + Durations.format(sampleInterval)
                        + ") must fit twice into the time after the warm-up ("
                        + Durations.format(duration.minus(warmup)) + "), or there is nothing to compare");
        require(Double.isFinite(rate) && rate > 0 && rate <= RunSettings.MAX_RATE,
                "--rate (" + rate + ") must be a positive number of operations per second up to "
                        + (long) RunSettings.MAX_RATE + ": a soak holds a steady open-loop load");
        require(threads >= 1 && threads <= RunSettings.MAX_THREADS,
                "--threads (" + threads + ") must be between 1 and " + RunSettings.MAX_THREADS);
        require(Double.isFinite(maxGrowth) && maxGrowth >= 0, "--max-growth (" + maxGrowth + ") must not be negative");
    }

    /**
     * Reads {@code --warmup}: a duration ({@code 5m}), or a share of the whole duration
     * ({@code 20%} or {@code 0.2}).
     * @param text the option's value
     * @param duration the whole duration
     * @return the warm-up
     * @throws IllegalArgumentException naming the option and the value if it is neither
     */
    public static Duration warmup(String text, Duration duration) {
        String trimmed = text.trim();
        // A bare number is a share (0 is none); a number with a unit is a duration.
        if (SHARE.matcher(trimmed).matches() && !trimmed.matches("[1-9]\\d*")) {
            double share = share("--warmup", trimmed);
            require(share < 1, "--warmup (" + text + ") as a share of --duration must be below 100%");
            return Duration.ofMillis(Math.round(duration.toMillis() * share));
        }
        return Durations.parse("--warmup", trimmed);
    }

    /**
     * Reads {@code --max-growth}: {@code 10%} or {@code 0.1}.
     * @param text the option's value
     * @return the share
     * @throws IllegalArgumentException naming the option and the value if it is not a
     * share
     */
    public static double maxGrowth(String text) {
        return share("--max-growth", text.trim());
    }

    /**
     * Returns the load's settings: the warm-up, then the rest of the duration measured.
     * @return the settings
     */
    public RunSettings settings() {
        return new RunSettings(this.rate, Arrival.CONSTANT, this.threads, this.warmup, this.duration.minus(this.warmup),
                RunSettings.DEFAULT_GRACE, RunSettings.DEFAULT_SEED);
    }

    private static double share(String option, String text) {
        require(SHARE.matcher(text).matches(),
                option + " (" + text + ") is not a share; expected for example " + "10% or 0.1");
        return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                : Double.parseDouble(text);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s (warm-up %s), %,.0f ops/s on %d threads, samples every %s, growth " + "allowed %.0f%%",
                Durations.format(this.duration), Durations.format(this.warmup), this.rate, this.threads,
                Durations.format(this.sampleInterval), this.maxGrowth * 100);
    }
}

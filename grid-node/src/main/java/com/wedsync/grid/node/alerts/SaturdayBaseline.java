package com.wedsync.grid.node.alerts;

import com.wedsync.grid.config.calendar.Traffic;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.node.monitor.LoadHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The cluster's expected ops/s on a Saturday, which the {@code saturday_ops} rule judges
 * the measured load against. Without configuration it is learned from the kept hourly
 * load, in this order:
 * <ol>
 * <li>the same hour of the previous week, scaled by the calendar's multiplier now against
 * then (a Saturday in the season after one out of it expects 1.5 times more);</li>
 * <li>until a week is kept: the ordinary load of the last day (the mean of its hours that
 * were no peak, each divided by its multiplier) times the calendar's multiplier now;</li>
 * <li>with neither, unknown ({@code NaN}): the rule does not judge.</li>
 * </ol>
 * A configured ordinary load ({@code grid.alerts.saturday-baseline-ops-per-second}) wins
 * over both, times the multiplier now.
 */
public final class SaturdayBaseline {

    /** How far back the same hour is looked up. */
    public static final Duration WEEK = Duration.ofDays(7);

    /** How many past hours give the ordinary load until a week is kept. */
    public static final int ORDINARY_HOURS = 24;

    private final TrafficCalendar calendar;

    private final ZoneId zone;

    private final double configuredOrdinary;

    private final LoadHistory history;

    /**
     * Creates the baseline.
     * @param calendar the traffic calendar
     * @param zone the time zone whose days and hours the calendar counts
     * @param configuredOrdinary the ordinary-day ops/s an operator set; 0 to learn it
     * @param history the kept hourly load
     * @throws IllegalArgumentException if {@code configuredOrdinary} is negative or not a
     * number
     */
    public SaturdayBaseline(TrafficCalendar calendar, ZoneId zone, double configuredOrdinary, LoadHistory history) {
        this.calendar = Objects.requireNonNull(calendar, "calendar is missing");
        this.zone = Objects.requireNonNull(zone, "zone is missing");
        if (!(configuredOrdinary >= 0 && Double.isFinite(configuredOrdinary))) {
            throw new IllegalArgumentException(
                    "configuredOrdinary (" + configuredOrdinary + ") must be a number of at least 0");
        }
        this.configuredOrdinary = configuredOrdinary;
        this.history = Objects.requireNonNull(history, "history is missing");
    }

    /**
     * Returns the load expected at an instant.
     * @param at the instant
     * @return ops/s, or {@code NaN} when nothing tells
     */
    public double expectedOpsPerSecond(Instant at) {
        double multiplier = multiplier(at);
        if (this.configuredOrdinary > 0) {
            return this.configuredOrdinary * multiplier;
        }
        Instant weekAgo = at.minus(WEEK);
        OptionalDouble lastWeek = this.history.meanOpsPerSecond(weekAgo);
        if (lastWeek.isPresent()) {
            return lastWeek.getAsDouble() * multiplier / multiplier(weekAgo);
        }
        double ordinary = 0;
        int hours = 0;
        for (int h = 1; h <= ORDINARY_HOURS; h++) {
            Instant hour = at.minus(Duration.ofHours(h));
            Traffic traffic = this.calendar.at(hour, this.zone);
            OptionalDouble mean = traffic.isPeak() ? OptionalDouble.empty() : this.history.meanOpsPerSecond(hour);
            if (mean.isPresent()) {
                ordinary += mean.getAsDouble() / traffic.multiplier();
                hours++;
            }
        }
        return (hours == 0) ? Double.NaN : ordinary / hours * multiplier;
    }

    private double multiplier(Instant at) {
        return this.calendar.at(at, this.zone).multiplier();
    }

}

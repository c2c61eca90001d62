package com.wedsync.grid.node.capacity;

import com.wedsync.grid.config.calendar.TrafficCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The load a day is expected to bring: its calendar multiplier times the ordinary load,
 * or its declared weddings times the operations per wedding, whichever is more.
 *
 * @param opsPerWedding the operations per second one wedding brings on its day
 * ({@code grid.scaling.ops-per-wedding})
 */
public record ExpectedLoad(double opsPerWedding) {

    /**
     * Validates the factor.
     * @throws IllegalArgumentException naming the field and the value when it is negative
     * or not a number
     */
    public ExpectedLoad {
        if (!(opsPerWedding >= 0 && Double.isFinite(opsPerWedding))) {
            throw new IllegalArgumentException("opsPerWedding (" + opsPerWedding + ") must be a number of at least 0");
        }
    }

    /**
     * Returns the load of a number of weddings.
     * @param weddings the weddings of one day
     * @return {@code weddings x opsPerWedding}, in operations per second
     */
    public double ofWeddings(int weddings) {
        return weddings * this.opsPerWedding;
    }

    /**
     * Returns the load expected on a day: the larger of the ordinary load times the day's
     * highest calendar multiplier (its evening counts) and its weddings' load.
     * @param calendar the traffic calendar, with the declared weddings
     * @param day the local date
     * @param zone the time zone whose days the calendar counts
     * @param ordinaryOpsPerSecond the load of an ordinary day (multiplier 1)
     * @return the expected operations per second
     */
    public double ofDay(TrafficCalendar calendar, LocalDate day, ZoneId zone, double ordinaryOpsPerSecond) {
        Objects.requireNonNull(day, "day is missing");
        double morning = calendar.at(day.atStartOfDay(zone).toInstant(), zone).multiplier();
        double evening = calendar
            .at(day.atTime(LocalTime.of(TrafficCalendar.EVENING_HOUR, 0)).atZone(zone).toInstant(), zone)
            .multiplier();
        return Math.max(ordinaryOpsPerSecond * Math.max(morning, evening), ofWeddings(calendar.weddingsOn(day)));
    }

}

package com.wedsync.grid.node.calendar;

import com.wedsync.grid.config.calendar.TrafficCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Counts the declared weddings of today and of the coming week, in the monitor's time
 * zone.
 */
public final class WeddingCount {

    /** How many days after today count as upcoming. */
    public static final int UPCOMING_DAYS = 7;

    private final Supplier<TrafficCalendar> calendar;

    private final Clock clock;

    private final ZoneId zone;

    /**
     * Creates the count.
     * @param calendar the calendar of the declared weddings
     * @param clock the clock that says what today is
     * @param zone the monitor's time zone
     */
    public WeddingCount(Supplier<TrafficCalendar> calendar, Clock clock, ZoneId zone) {
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Returns the weddings of today.
     * @return the weddings dated today in the monitor's time zone
     */
    public int today() {
        return this.calendar.get().weddingsOn(LocalDate.now(this.clock.withZone(this.zone)));
    }

    /**
     * Returns the weddings of the {@value #UPCOMING_DAYS} days after today.
     * @return the weddings dated from tomorrow to today + {@value #UPCOMING_DAYS} days
     */
    public int upcoming() {
        LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
        return this.calendar.get().weddingsBetween(today.plusDays(1), today.plusDays(UPCOMING_DAYS));
    }

}

package com.wedsync.grid.config.calendar;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Something a service declares to the calendar: a {@link Wedding} or a {@link Deadline}
 * of one. Declarations are kept in the cluster ({@link CalendarMap}) and turned into the
 * {@link Occasion occasions} of the {@link TrafficCalendar}.
 */
public sealed interface Declaration permits Wedding, Deadline {

    /** The longest wedding id accepted, in characters. */
    int MAX_ID_LENGTH = 256;

    /**
     * Returns the wedding the declaration is about.
     * @return the wedding id
     */
    String weddingId();

    /**
     * Returns the local date of the declaration.
     * @return the date, read in {@link #zone()}
     */
    LocalDate date();

    /**
     * Returns the IANA time zone of the date.
     * @return for example {@code Europe/London}
     */
    String zone();

    /**
     * Returns the key the declaration is kept under: one wedding, one RSVP deadline and
     * one vendor deadline per wedding id, a second declaration replacing the first.
     * @return for example {@code wedding/w-42} or {@code rsvp/w-42}
     */
    String key();

    /**
     * Returns the occasion the traffic calendar counts.
     * @return the occasion on {@link #date()}
     */
    Occasion occasion();

    /**
     * Refuses a declaration whose date has passed in its own time zone.
     * @param clock the clock that says what today is
     * @return this declaration
     * @throws InvalidFieldException naming {@code date} when it lies before today in
     * {@link #zone()}
     */
    default Declaration requireNotPast(Clock clock) {
        LocalDate today = LocalDate.now(Objects.requireNonNull(clock, "clock is missing").withZone(ZoneId.of(zone())));
        if (date().isBefore(today)) {
            throw InvalidFieldException.of("date", date().toString(),
                    "must not be in the past (today in " + zone() + " is " + today + ")");
        }
        return this;
    }

}

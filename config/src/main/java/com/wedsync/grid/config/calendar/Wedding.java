package com.wedsync.grid.config.calendar;

import java.time.LocalDate;

/**
 * A wedding a service declares: its day raises the expected load by its guests and
 * vendors (see the node's ops-per-wedding factor), and photo uploads follow it. Kept in
 * the cluster as a Compact record; the constructor checks the fields, not the date
 * against today (an entry read back after its day must still deserialize): writers call
 * {@link #requireNotPast}.
 *
 * @param id the wedding id, as in the wedding's keys ({@code WeddingKey.weddingId})
 * @param date the day of the wedding, local to {@code zone}
 * @param zone the IANA time zone of the wedding, for example {@code Europe/London}
 * @param guests how many guests it has, at least 1
 * @param vendors how many vendors work it, at least 0
 */
public record Wedding(String id, LocalDate date, String zone, int guests, int vendors) implements Declaration {

    /** The most guests a declaration may give: a bound against typos. */
    public static final int MAX_GUESTS = 100_000;

    /** The most vendors a declaration may give: a bound against typos. */
    public static final int MAX_VENDORS = 10_000;

    /** The prefix of a wedding's key in {@link CalendarMap}. */
    public static final String KEY_PREFIX = "wedding/";

    /**
     * Validates the wedding.
     * @throws com.wedsync.grid.config.InvalidFieldException naming the field and the
     * value when the id is blank or too long, the date is missing, the zone is no IANA
     * time zone, guests are not between 1 and {@value #MAX_GUESTS} or vendors not between
     * 0 and {@value #MAX_VENDORS}
     */
    public Wedding {
        Declarations.requireId("id", id);
        Declarations.requireDate(date);
        Declarations.requireZone(zone);
        Declarations.requireBetween("guests", guests, 1, MAX_GUESTS);
        Declarations.requireBetween("vendors", vendors, 0, MAX_VENDORS);
    }

    @Override
    public String weddingId() {
        return this.id;
    }

    @Override
    public String key() {
        return KEY_PREFIX + this.id;
    }

    @Override
    public Occasion occasion() {
        return Occasion.wedding(this.date);
    }

}

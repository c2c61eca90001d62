package com.wedsync.grid.config.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated event of the platform that shapes traffic: a wedding (photo uploads follow it),
 * an RSVP deadline or a vendor deadline. The date is a local date, read in the time zone
 * the calendar is asked about.
 *
 * @param kind what happens on the date
 * @param date the local date it happens on
 */
public record Occasion(Kind kind, LocalDate date) {

    /** What an occasion is. */
    public enum Kind {

        /** A wedding: photo uploads rise in the days after it. */
        WEDDING,
        /** An RSVP deadline: guests answer in its evening. */
        RSVP_DEADLINE,
        /** A vendor deadline: vendors are busy all that day. */
        VENDOR_DEADLINE

    }

    /**
     * Validates the occasion.
     * @throws NullPointerException naming the missing field
     */
    public Occasion {
        Objects.requireNonNull(kind, "kind is missing");
        Objects.requireNonNull(date, "date is missing");
    }

    /**
     * Returns a wedding on a date.
     * @param date the wedding date
     * @return the occasion
     */
    public static Occasion wedding(LocalDate date) {
        return new Occasion(Kind.WEDDING, date);
    }

    /**
     * Returns an RSVP deadline on a date.
     * @param date the deadline
     * @return the occasion
     */
    public static Occasion rsvpDeadline(LocalDate date) {
        return new Occasion(Kind.RSVP_DEADLINE, date);
    }

    /**
     * Returns a vendor deadline on a date.
     * @param date the deadline
     * @return the occasion
     */
    public static Occasion vendorDeadline(LocalDate date) {
        return new Occasion(Kind.VENDOR_DEADLINE, date);
    }
}

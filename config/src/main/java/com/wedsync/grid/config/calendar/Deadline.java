package com.wedsync.grid.config.calendar;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A deadline of a wedding a service declares: guests answer on an RSVP deadline's
 * evening, vendors confirm on a vendor deadline's day. One of each kind per wedding; a
 * second declaration moves it. As for {@link Wedding}, the constructor checks the fields
 * and writers call {@link #requireNotPast}.
 *
 * @param weddingId the wedding the deadline belongs to
 * @param kind which deadline
 * @param date the day of the deadline, local to {@code zone}
 * @param zone the IANA time zone of the deadline, usually the wedding's
 */
public record Deadline(String weddingId, Kind kind, LocalDate date, String zone) implements Declaration {

    /** Which deadline. */
    public enum Kind {

        /** Guests must answer by this day: traffic rises in its evening. */
        RSVP,
        /** Vendors must confirm by this day: traffic rises all that day. */
        VENDOR

    }

    /**
     * Validates the deadline.
     * @throws InvalidFieldException naming the field and the value when the wedding id is
     * blank or too long, the kind or the date is missing or the zone is no IANA time zone
     */
    public Deadline {
        Declarations.requireId("weddingId", weddingId);
        if (kind == null) {
            throw InvalidFieldException.of("kind", "null", "must be RSVP or VENDOR");
        }
        Declarations.requireDate(date);
        Declarations.requireZone(zone);
    }

    /**
     * Returns an RSVP deadline.
     * @param weddingId the wedding
     * @param date the deadline
     * @param zone the IANA time zone
     * @return the deadline
     */
    public static Deadline rsvp(String weddingId, LocalDate date, String zone) {
        return new Deadline(weddingId, Kind.RSVP, date, zone);
    }

    /**
     * Returns a vendor deadline.
     * @param weddingId the wedding
     * @param date the deadline
     * @param zone the IANA time zone
     * @return the deadline
     */
    public static Deadline vendor(String weddingId, LocalDate date, String zone) {
        return new Deadline(weddingId, Kind.VENDOR, date, zone);
    }

    @Override
    public String key() {
        return keyOf(this.kind, this.weddingId);
    }

    @Override
    public Occasion occasion() {
        return (this.kind == Kind.RSVP) ? Occasion.rsvpDeadline(this.date) : Occasion.vendorDeadline(this.date);
    }

    static String keyOf(Kind kind, String weddingId) {
        return kind.name().toLowerCase(Locale.ROOT) + "/" + weddingId;
    }

}

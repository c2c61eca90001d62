package com.wedsync.grid.config.calendar;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.ZoneId;
import java.util.Set;

/**
 * The field checks the declarations share.
 */
final class Declarations {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Declarations() {
    }

    static void requireId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw InvalidFieldException.of(field, String.valueOf(id), "must not be blank");
        }
        if (id.length() > Declaration.MAX_ID_LENGTH) {
            throw InvalidFieldException.of(field, id.substring(0, 16) + "...",
                    "must be at most " + Declaration.MAX_ID_LENGTH + " characters long (is " + id.length() + ")");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw InvalidFieldException.of(field, id.replaceAll("\\p{Cntrl}", "?"), "must hold no control characters");
        }
    }

    static void requireZone(String zone) {
        if (zone == null || !ZONES.contains(zone)) {
            throw InvalidFieldException.of("zone", String.valueOf(zone),
                    "must be an IANA time zone such as Europe/London");
        }
    }

    static void requireDate(Object date) {
        if (date == null) {
            throw InvalidFieldException.of("date", "null", "must be a date such as 2026-06-20");
        }
    }

    static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidFieldException.of(field, String.valueOf(value), "must be between " + min + " and " + max);
        }
    }

}

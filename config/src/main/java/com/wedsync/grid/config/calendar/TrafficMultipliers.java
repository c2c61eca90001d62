package com.wedsync.grid.config.calendar;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How much each cause multiplies the ordinary traffic. The defaults are the spec's
 * traffic patterns; the Saturday and season multipliers can be overridden from the
 * environment ({@value #SATURDAY_BOOST_MULTIPLIER}, {@value #WEDDING_SEASON_MULTIPLIER}).
 *
 * @param saturday traffic on a Saturday (default 5)
 * @param season traffic on any day from May to October (default 1.5)
 * @param rsvpDeadlineEvening traffic on the evening of an RSVP deadline (default 2.5)
 * @param photoUploads traffic in the days after a wedding (default 4)
 * @param vendorDeadline traffic on the day of a vendor deadline (default 2; the spec
 * gives no figure)
 */
public record TrafficMultipliers(double saturday, double season, double rsvpDeadlineEvening, double photoUploads,
        double vendorDeadline) {

    /** Overrides {@link #saturday()}. */
    public static final String SATURDAY_BOOST_MULTIPLIER = "SATURDAY_BOOST_MULTIPLIER";

    /** Overrides {@link #season()}. */
    public static final String WEDDING_SEASON_MULTIPLIER = "WEDDING_SEASON_MULTIPLIER";

    /** The lowest multiplier: a cause never lowers traffic. */
    public static final double MIN = 1;

    /** The highest multiplier accepted, to catch a typo such as 500 for 5.0. */
    public static final double MAX = 100;

    /** The spec's multipliers. */
    public static final TrafficMultipliers DEFAULTS = new TrafficMultipliers(5, 1.5, 2.5, 4, 2);

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?");

    /**
     * Validates the multipliers.
     * @throws IllegalArgumentException naming the field and the value when one is not
     * between 1 and 100
     */
    public TrafficMultipliers {
        requireInRange("saturday", saturday);
        requireInRange("season", season);
        requireInRange("rsvpDeadlineEvening", rsvpDeadlineEvening);
        requireInRange("photoUploads", photoUploads);
        requireInRange("vendorDeadline", vendorDeadline);
    }

    /**
     * Reads the multipliers from the environment: the defaults, with
     * {@value #SATURDAY_BOOST_MULTIPLIER} and {@value #WEDDING_SEASON_MULTIPLIER} applied
     * where set and not blank.
     * @param environment the variables, for example {@code System.getenv()}
     * @return the multipliers
     * @throws IllegalArgumentException naming the variable and the value when it is not a
     * number from 1 to 100
     */
    public static TrafficMultipliers fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment is missing");
        return new TrafficMultipliers(read(environment, SATURDAY_BOOST_MULTIPLIER, DEFAULTS.saturday),
                read(environment, WEDDING_SEASON_MULTIPLIER, DEFAULTS.season), DEFAULTS.rsvpDeadlineEvening,
                DEFAULTS.photoUploads, DEFAULTS.vendorDeadline);
    }

    /**
     * Returns the multiplier of one cause.
     * @param cause the cause
     * @return its multiplier
     */
    public double of(Cause cause) {
        return switch (cause) {
            case SATURDAY -> this.saturday;
            case WEDDING_SEASON -> this.season;
            case RSVP_DEADLINE_EVENING -> this.rsvpDeadlineEvening;
            case PHOTO_UPLOADS -> this.photoUploads;
            case VENDOR_DEADLINE -> this.vendorDeadline;
        };
    }

    private static double read(Map<String, String> environment, String variable, double defaultValue) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String text = value.trim();
        if (!NUMBER.matcher(text).matches() || !inRange(Double.parseDouble(text))) {
            throw outOfRange(variable, value);
        }
        return Double.parseDouble(text);
    }

    private static void requireInRange(String field, double value) {
        if (!inRange(value)) {
            throw outOfRange(field, Multipliers.format(value));
        }
    }

    private static boolean inRange(double value) {
        return value >= MIN && value <= MAX;
    }

    private static IllegalArgumentException outOfRange(String name, String value) {
        return new IllegalArgumentException(name + " (" + value + ") must be a number between 1 and 100");
    }
}

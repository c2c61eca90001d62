package com.wedsync.grid.config.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in YAML and environment variables: {@code 500ms},
 * {@code 45s}, {@code 30m}, {@code 24h}, {@code 7d}, or ISO-8601 such as {@code PT1H}.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration.
     * @param field the name of the setting, used in the error message
     * @param value the text to parse
     * @return the duration
     * @throws IllegalArgumentException naming the field and the value if the text is not
     * a duration
     */
    public static Duration parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty; expected a duration such as 30s, 15m, 24h or 7d");
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(text);
        try {
            return matcher.matches() ? simple(Long.parseLong(matcher.group(1)), matcher.group(2))
                    : Duration.parse(value.trim());
        }
        catch (DateTimeParseException | NumberFormatException | ArithmeticException ex) {
            // the last two: more digits than a long or a Duration holds
            throw new IllegalArgumentException(
                    field + " (" + value + ") is not a duration; expected a form such as 30s, 15m, 24h or 7d");
        }
    }

    private static Duration simple(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /**
     * Writes a duration in the short form {@link #parse} reads, for messages and logs.
     * @param duration the duration
     * @return for example {@code 24h} or {@code 90s}
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000L == 0 && millis != 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0 && millis != 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0 && millis != 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1_000L == 0) {
            return millis / 1_000L + "s";
        }
        return millis + "ms";
    }

}

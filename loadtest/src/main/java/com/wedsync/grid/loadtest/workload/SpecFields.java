package com.wedsync.grid.loadtest.workload;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Typed reads of a workload spec's fields, each with a default, and errors that name the
 * field and the value.
 */
final class SpecFields {

    private static final String PREFIX = "workload spec: ";

    private final Map<String, String> fields;

    SpecFields(Map<String, String> fields) {
        this.fields = fields;
    }

    int integer(String field, int fallback, int minimum) {
        String text = this.fields.get(field);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        }
        catch (NumberFormatException notInteger) {
            throw invalid(field, text, "a whole number at least " + minimum);
        }
        if (value < minimum) {
            throw invalid(field, text, "a whole number at least " + minimum);
        }
        return value;
    }

    long longValue(String field, long fallback) {
        String text = this.fields.get(field);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        }
        catch (NumberFormatException notLong) {
            throw invalid(field, text, "a whole number");
        }
    }

    double number(String field, double fallback, double minimum, double maximum, String expected) {
        String text = this.fields.get(field);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        }
        catch (NumberFormatException notNumber) {
            throw invalid(field, text, expected);
        }
        if (!(value >= minimum && value <= maximum)) {
            throw invalid(field, text, expected);
        }
        return value;
    }

    double share(String field, double fallback) {
        return number(field, fallback, 0.0, 1.0, "a share in [0, 1]");
    }

    double theta(double fallback) {
        double value = number("theta", fallback, 0.0, 1.0, "a number in [0, 1)");
        if (value >= 1.0) {
            throw invalid("theta", this.fields.get("theta"), "a number in [0, 1)");
        }
        return value;
    }

    KeyDistribution distribution(String field, KeyDistribution fallback) {
        String text = this.fields.get(field);
        if (text == null) {
            return fallback;
        }
        try {
            return KeyDistribution.fromId(text);
        }
        catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(PREFIX + "field '" + field + "': " + unknown.getMessage(), unknown);
        }
    }

    int bytes(String field, int fallback) {
        String text = this.fields.get(field);
        return (text == null) ? fallback : parseBytes(field, text, text);
    }

    /**
     * Reads {@code min-max} or a single value (both ends the same); {@code bytes} allows
     * a {@code k} suffix.
     */
    int[] range(String field, int fallbackMin, int fallbackMax, int minimum, boolean bytes) {
        String text = this.fields.get(field);
        if (text == null) {
            return new int[] { fallbackMin, fallbackMax };
        }
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw invalid(field, text, "a number or a range min-max");
        }
        int low = bytes ? parseBytes(field, ends[0], text) : parseWhole(field, ends[0], text);
        int high = (ends.length == 1) ? low
                : (bytes ? parseBytes(field, ends[1], text) : parseWhole(field, ends[1], text));
        if (low < minimum || high < low) {
            throw invalid(field, text, "a range min-max with " + minimum + " <= min <= max");
        }
        return new int[] { low, high };
    }

    /**
     * Runs a constructor and prefixes its validation errors so they read as spec errors.
     */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        }
        catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            if (message != null && message.startsWith(PREFIX)) {
                throw invalid;
            }
            throw new IllegalArgumentException(PREFIX + message, invalid);
        }
    }

    /** Runs a lookup of one field and names the field in its error. */
    <T> T build(Supplier<T> lookup, String field) {
        try {
            return lookup.get();
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(PREFIX + "field '" + field + "': " + invalid.getMessage(), invalid);
        }
    }

    private static int parseWhole(String field, String part, String text) {
        try {
            return Integer.parseInt(part.trim().replace("_", ""));
        }
        catch (NumberFormatException notInteger) {
            throw invalid(field, text, "a whole number or a range min-max");
        }
    }

    private static int parseBytes(String field, String part, String text) {
        String value = part.trim().toLowerCase(Locale.ROOT).replace("_", "");
        int multiplier = 1;
        if (value.endsWith("kib") || value.endsWith("k")) {
            multiplier = 1024;
            value = value.substring(0, value.length() - (value.endsWith("kib") ? 3 : 1));
        }
        else if (value.endsWith("b")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            long bytes = Long.parseLong(value.trim()) * multiplier;
            if (bytes < 1 || bytes > Integer.MAX_VALUE) {
                throw invalid(field, text, "a size in bytes of at least 1 (a k suffix means KiB)");
            }
            return (int) bytes;
        }
        catch (NumberFormatException notNumber) {
            throw invalid(field, text, "a size in bytes of at least 1 (a k suffix means KiB)");
        }
    }

    private static IllegalArgumentException invalid(String field, String value, String expected) {
        return new IllegalArgumentException(
                PREFIX + "field '" + field + "' must be " + expected + ", was '" + value + "'");
    }

}

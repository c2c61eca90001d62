package com.wedsync.grid.config.catalog;

import static com.wedsync.grid.config.catalog.Durations.format;

import java.time.Duration;
import java.util.Objects;

/**
 * How long entries of one data class may live: a base TTL and the bounds every computed
 * TTL stays inside.
 *
 * @param base the TTL of an entry with no better information
 * @param min the shortest TTL ever given (past weddings get this)
 * @param max the longest TTL ever given (upcoming weddings are capped here)
 */
public record TtlBounds(Duration base, Duration min, Duration max) {

    /**
     * Validates the bounds.
     * @throws IllegalArgumentException naming the field and the value when a duration is
     * missing, not positive, or out of order
     */
    public TtlBounds {
        requirePositive("ttl.base", base);
        requirePositive("ttl.min", min);
        requirePositive("ttl.max", max);
        if (min.compareTo(base) > 0) {
            throw new IllegalArgumentException(
                    "ttl.min (" + format(min) + ") must not exceed ttl.base (" + format(base) + ")");
        }
        if (base.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    "ttl.base (" + format(base) + ") must not exceed ttl.max (" + format(max) + ")");
        }
    }

    /**
     * Clamps a TTL into these bounds.
     * @param ttl a computed TTL
     * @return the TTL, raised to {@link #min} or lowered to {@link #max} where needed
     */
    public Duration clamp(Duration ttl) {
        if (ttl.compareTo(this.min) < 0) {
            return this.min;
        }
        return (ttl.compareTo(this.max) > 0) ? this.max : ttl;
    }

    static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, () -> field + " is missing");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " (" + format(value) + ") must be positive");
        }
    }
}

package com.wedsync.grid.config.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time in which some spike is in effect without a break, with its highest
 * traffic.
 *
 * @param start when the first spike begins
 * @param end when the last spike ends (exclusive)
 * @param traffic the highest traffic inside the stretch
 */
public record Peak(Instant start, Instant end, Traffic traffic) {

    /**
     * Validates the peak.
     * @throws IllegalArgumentException if it does not end after it starts
     */
    public Peak {
        Objects.requireNonNull(start, "start is missing");
        Objects.requireNonNull(end, "end is missing");
        Objects.requireNonNull(traffic, "traffic is missing");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end (" + end + ") must be after start (" + start + ")");
        }
    }

    /**
     * Returns the highest multiplier inside the peak.
     * @return the multiplier of {@link #traffic()}
     */
    public double multiplier() {
        return this.traffic.multiplier();
    }

    /**
     * Tells whether the peak is in effect at an instant.
     * @param instant the instant
     * @return {@code true} if {@code start <= instant < end}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(this.start) && instant.isBefore(this.end);
    }
}

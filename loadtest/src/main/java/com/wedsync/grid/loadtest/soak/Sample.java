package com.wedsync.grid.loadtest.soak;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of one process.
 *
 * @param seconds when, from the start of the load (warm-up included); 0 is just before it
 * @param values the figures read; a series missing was not known then
 */
public record Sample(double seconds, Map<Series, Double> values) {

    /**
     * Copies the figures.
     * @throws IllegalArgumentException if the time is negative or not finite
     */
    public Sample {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds (" + seconds + ") must be 0 or positive");
        }
        Map<Series, Double> copy = new EnumMap<>(Series.class);
        copy.putAll(Objects.requireNonNull(values, "values"));
        values = Map.copyOf(copy);
    }

    /**
     * Returns one figure.
     * @param series the series
     * @return the figure, or {@code null} if it was not known at this sample
     */
    public Double value(Series series) {
        return this.values.get(series);
    }
}

package com.wedsync.grid.loadtest.soak;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a soak recorded of one process.
 *
 * @param name the process's name
 * @param series the series it reports
 * @param samples its samples, in time order
 */
public record ProcessSamples(String name, Set<Series> series, List<Sample> samples) {

    /**
     * Copies the collections.
     */
    public ProcessSamples {
        series = Set.copyOf(EnumSet.copyOf(series));
        samples = List.copyOf(samples);
    }

    /**
     * Returns the series judged for growth, in {@link Series} order.
     * @return the series
     */
    public List<Series> judged() {
        return EnumSet.copyOf(this.series).stream().filter(Series::judged).toList();
    }
}

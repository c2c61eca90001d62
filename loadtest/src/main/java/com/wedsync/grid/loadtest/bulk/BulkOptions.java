package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.target.Targets;
import java.time.Duration;
import java.util.List;

/**
 * What one bulk load does.
 *
 * @param target {@code grid}, {@code grid-l2} or {@code redis}
 * @param dataClass the class the values go to
 * @param values how many values
 * @param valueBytes the size of each
 * @param batch values per write call, at most {@link CacheRegion#MAX_BATCH} (the most one
 * {@code putAll} takes; Redis is held to the same, so that the targets load in the same
 * batches)
 * @param rounds how many times the whole load runs (each overwrites the last; the first
 * is the cold one)
 * @param timeout the longest the loading of all rounds may take
 * @param where where the target is
 */
public record BulkOptions(String target, DataClass dataClass, int values, int valueBytes, int batch, int rounds,
        Duration timeout, Targets.TargetOptions where) {

    /** The names {@link BulkLoad#open} knows. */
    public static final List<String> TARGETS = List.of("grid", "grid-l2", "redis");

    /**
     * Checks the options.
     * @throws IllegalArgumentException naming the option and the value when one is out of
     * range
     */
    public BulkOptions {
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("--target '" + target + "' is not one of " + TARGETS);
        }
        positive("--values", values);
        positive("--value-size", valueBytes);
        positive("--batch", batch);
        if (batch > CacheRegion.MAX_BATCH) {
            throw new IllegalArgumentException("--batch (" + batch + ") must be at most " + CacheRegion.MAX_BATCH
                    + ", the most one putAll of the grid takes (CacheRegion.MAX_BATCH)");
        }
        positive("--rounds", rounds);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout (" + timeout + ") must be positive");
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " (" + value + ") must be at least 1");
        }
    }
}

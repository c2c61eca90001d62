package com.wedsync.grid.config.catalog;

import static com.wedsync.grid.config.catalog.Durations.format;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side (L1) near cache of one data class. Community Edition bounds near caches
 * by entry count only.
 *
 * @param enabled whether clients keep a near cache for the class
 * @param maxEntries the most entries one client keeps (entry-count bound, LRU)
 * @param ttl how long a near-cached entry is served before it is fetched again
 * @param maxIdle how long an unread near-cached entry is kept; zero for no limit
 */
public record NearCachePolicy(boolean enabled, int maxEntries, Duration ttl, Duration maxIdle) {

    /**
     * Validates the policy.
     * @throws IllegalArgumentException naming the field and the value when it is out of
     * range
     */
    public NearCachePolicy {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("near-cache.max-entries (" + maxEntries + ") must be at least 1");
        }
        TtlBounds.requirePositive("near-cache.ttl", ttl);
        Objects.requireNonNull(maxIdle, "near-cache.max-idle is missing");
        if (maxIdle.isNegative()) {
            throw new IllegalArgumentException("near-cache.max-idle (" + format(maxIdle) + ") must not be negative");
        }
    }
}

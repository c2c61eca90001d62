package com.wedsync.grid.client.internal;

import com.hazelcast.internal.nearcache.NearCache;

/**
 * Lets a benchmark time the region's near-cache read
 * ({@link ClientInternals.NearCacheReader}), which grid-client keeps package-private:
 * this class sits in the same package, as Caffeine's JMH sources do.
 */
public final class BenchNearCacheReader {

    private final ClientInternals.NearCacheReader reader;

    private BenchNearCacheReader(ClientInternals.NearCacheReader reader) {
        this.reader = reader;
    }

    /**
     * Returns a reader of a near cache.
     * @param nearCache the near cache
     * @return the reader
     */
    public static BenchNearCacheReader of(NearCache<Object, Object> nearCache) {
        return new BenchNearCacheReader(ClientInternals.NearCacheReader.of(nearCache));
    }

    /**
     * Tells whether hits are answered by the reader rather than by {@code NearCache.get}.
     * @return true if so
     */
    public boolean answersHits() {
        return this.reader.answersHits();
    }

    /**
     * Reads a key, as the region does.
     * @param key the key (not serialized)
     * @return the value, a marker, or null if not cached
     */
    public Object get(Object key) {
        return this.reader.get(key);
    }

}

package com.wedsync.grid.loadtest.target;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.EnumMap;
import java.util.Map;

/**
 * The in-process limit: one Caffeine cache per data class, bounded by entry count, no
 * network. Reads that find an entry count as L1, others as misses.
 */
public final class CaffeineTarget implements Target {

    private final Map<DataClass, Cache<WeddingKey, byte[]>> caches = new EnumMap<>(DataClass.class);

    /**
     * Creates the caches.
     * @param maxEntriesPerClass the entry bound of each class's cache
     */
    public CaffeineTarget(long maxEntriesPerClass) {
        for (DataClass dataClass : DataClass.values()) {
            this.caches.put(dataClass, Caffeine.newBuilder().maximumSize(maxEntriesPerClass).build());
        }
    }

    @Override
    public String name() {
        return "caffeine";
    }

    @Override
    public Layer execute(Operation operation) {
        Cache<WeddingKey, byte[]> cache = this.caches.get(operation.dataClass());
        return switch (operation.type()) {
            case GET -> (cache.getIfPresent(operation.key()) != null) ? Layer.L1 : Layer.MISS;
            case PUT -> {
                cache.put(operation.key(), operation.value());
                yield Layer.WRITE;
            }
        };
    }

    @Override
    public void close() {
        this.caches.values().forEach(Cache::invalidateAll);
    }

}

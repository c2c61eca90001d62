package com.wedsync.grid.loadtest.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * This JVM: the load generator, which holds the grid's client and its near caches.
 * <p>
 * Heap after GC is read after asking for a full collection ({@code MemoryMXBean.gc()}),
 * as the heap pools' usage right after it ({@code getCollectionUsage}, summed). Reading
 * the pools' collection usage without one says little: on G1 a young collection leaves
 * the old generation's figure at its last mixed or full collection (0 for a long while on
 * a large heap), and the used heap is a sawtooth of garbage. After an explicit collection
 * G1 has compacted the whole heap and ZGC has run a whole cycle, so the figure is what
 * the client holds on to (on ZGC plus what was allocated during the cycle). The
 * collection costs the generator a pause per sample; a soak judges growth and errors, not
 * latency. With {@code -XX:+DisableExplicitGC} the figure is that of the last collection.
 */
public final class ClientProbe implements ProcessProbe {

    private final String name;

    private final LongSupplier nearCacheEntries;

    private final CountingTarget counts;

    /**
     * Creates the probe.
     * @param name the process's name, {@code client}, or {@code client+members} with
     * embedded members
     * @param nearCacheEntries the entries in the client's near caches now
     * @param counts the target the load goes through, for the operations and errors so
     * far
     */
    public ClientProbe(String name, LongSupplier nearCacheEntries, CountingTarget counts) {
        this.name = name;
        this.nearCacheEntries = nearCacheEntries;
        this.counts = counts;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public Set<Series> series() {
        return Set.of(Series.HEAP_AFTER_GC, Series.LIVE_THREADS, Series.NEAR_CACHE_ENTRIES, Series.OPS, Series.ERRORS);
    }

    @Override
    public Map<Series, Double> read() {
        Map<Series, Double> figures = new EnumMap<>(Series.class);
        ManagementFactory.getMemoryMXBean().gc();
        figures.put(Series.HEAP_AFTER_GC, (double) heapAfterLastGc());
        figures.put(Series.LIVE_THREADS, (double) ManagementFactory.getThreadMXBean().getThreadCount());
        figures.put(Series.NEAR_CACHE_ENTRIES, (double) this.nearCacheEntries.getAsLong());
        figures.put(Series.OPS, (double) this.counts.completed());
        figures.put(Series.ERRORS, (double) this.counts.errors());
        return figures;
    }

    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

}

package com.wedsync.grid.config.hazelcast;

import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.map.impl.PartitionContainer;
import com.hazelcast.map.impl.eviction.Evictor;
import com.hazelcast.map.impl.recordstore.RecordStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The USED_HEAP_SIZE bound of one map, checked without summing every partition on every write.
 * <p>
 * Hazelcast's own check ({@code com.hazelcast.map.impl.eviction.EvictionChecker#checkEvictable}, case
 * USED_HEAP_SIZE) runs after every entry a put, putAll, backup or merge writes, and each time adds up
 * {@code RecordStore#getOwnedEntryCost} over all partitions ({@code usedHeapInBytes}: 271 map lookups by name). A
 * bulk load of 100,000 entries spends a third of the member's CPU there.
 * <p>
 * This bound keeps, per partition, the cost it last saw and their running total. A check records the written
 * partition's current cost (the same figure Hazelcast adds up) and compares the total with the limit:
 * <ul>
 * <li>under the limit: no eviction, as Hazelcast's sum would say, since every path that grows a partition (put,
 * putAll, set, backups, merge, entry processors, migration) checks that partition right after. A partition grown
 * by a path that did not check it is caught by a full recount every {@value #RECOUNT_EVERY} checks;</li>
 * <li>over the limit (or a recount due): Hazelcast's exact sum over every partition, which also refreshes the
 * kept costs; eviction happens only if that sum is over the limit. So an entry is never evicted while the map is
 * within its budget (removals and expirations, which do not check, only make the kept total high, never low).</li>
 * </ul>
 * The eviction itself (which entry, how many) stays Hazelcast's: this wraps the map's own {@link Evictor}.
 */
final class IncrementalHeapBound implements Evictor {

    /** Checks between two full recounts of a map's partitions. */
    static final int RECOUNT_EVERY = 256;

    private final Evictor delegate;

    private final MapServiceContext context;

    private final String mapName;

    private final long limitBytes;

    private final AtomicLongArray seen;

    private final AtomicLong total = new AtomicLong();

    /** Racy on purpose: a lost increment only moves the next recount by one check. */
    private int checks;

    /** Full recounts so far (racy, for tests and diagnostics). */
    private volatile long recounts;

    IncrementalHeapBound(Evictor delegate, MapServiceContext context, String mapName, long limitBytes) {
        this.delegate = delegate;
        this.context = context;
        this.mapName = mapName;
        this.limitBytes = limitBytes;
        this.seen = new AtomicLongArray(context.getPartitionContainers().length);
    }

    @Override
    public void evict(RecordStore recordStore, Data excludedKey) {
        this.delegate.evict(recordStore, excludedKey);
    }

    @Override
    public void forceEvictByPercentage(RecordStore recordStore, double evictionPercentage) {
        this.delegate.forceEvictByPercentage(recordStore, evictionPercentage);
    }

    @Override
    public boolean checkEvictable(RecordStore recordStore) {
        if (recordStore.size() == 0) {
            // as Hazelcast: an empty partition has nothing to evict
            return false;
        }
        long estimate = record(recordStore.getPartitionId(), recordStore.getOwnedEntryCost());
        if (estimate <= this.limitBytes && ++this.checks % RECOUNT_EVERY != 0) {
            return false;
        }
        return recount() > this.limitBytes;
    }

    /**
     * Returns the map's heap cost on this member as Hazelcast's USED_HEAP_SIZE check counts it, refreshing every
     * partition's kept cost.
     * @return the owned and backup entries' cost over all partitions, plus a member-side near cache's
     */
    long recount() {
        this.recounts++;
        PartitionContainer[] containers = this.context.getPartitionContainers();
        long sum = 0;
        for (int partition = 0; partition < containers.length; partition++) {
            RecordStore store = containers[partition].getExistingRecordStore(this.mapName);
            sum = record(partition, (store != null) ? store.getOwnedEntryCost() : 0L);
        }
        NearCache<?, ?> nearCache = this.context.getMapNearCacheManager().getNearCache(this.mapName);
        if (nearCache != null) {
            sum += nearCache.getNearCacheStats().getOwnedEntryMemoryCost();
        }
        return sum;
    }

    /**
     * Returns how many full recounts this bound has made (approximately: concurrent ones may count once).
     * @return the recounts
     */
    long recounts() {
        return this.recounts;
    }

    /** Replaces a partition's kept cost and returns the new total; the total stays the sum of the kept costs. */
    private long record(int partition, long cost) {
        long previous = this.seen.getAndSet(partition, cost);
        return (cost == previous) ? this.total.get() : this.total.addAndGet(cost - previous);
    }

    @Override
    public String toString() {
        return "IncrementalHeapBound{map=" + this.mapName + ", limit=" + this.limitBytes + " B, evictor="
                + this.delegate + '}';
    }
}

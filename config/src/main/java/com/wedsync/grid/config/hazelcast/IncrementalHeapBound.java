package com.wedsync.grid.config.hazelcast;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The USED_HEAP_SIZE bound of one map, checked without summing every partition on every
 * write.
 * <p>
 * Hazelcast's own check
 * ({@code com.hazelcast.map.impl.eviction.EvictionChecker#checkEvictable}, case
 * USED_HEAP_SIZE) runs after every entry a put, putAll, backup or merge writes, and each
 * time adds up {@code RecordStore#getOwnedEntryCost} over all partitions
 * ({@code usedHeapInBytes}: 271 map lookups by name). A bulk load of 100,000 entries
 * spends a third of the member's CPU there.
 * <p>
 * This bound keeps, per partition, the cost it last saw and their running total. A check
 * records the written partition's current cost (the same figure Hazelcast adds up) and
 * compares the total with the limit:
 * <ul>
 * <li>under the limit: no eviction, as Hazelcast's sum would say, since every path that
 * grows a partition (put, putAll, set, backups, merge, entry processors, migration)
 * checks that partition right after. A partition grown by a path that did not check it is
 * caught by a full recount every {@value #RECOUNT_EVERY} checks;</li>
 * <li>over the limit (or a recount due): Hazelcast's exact sum over every partition,
 * which also refreshes the kept costs; eviction happens only if that sum is over the
 * limit. So an entry is never evicted while the map is within its budget (removals and
 * expirations, which do not check, only make the kept total high, never low).</li>
 * </ul>
 * The eviction itself (which entry, how many) stays Hazelcast's: {@link MemberInternals}
 * puts this bound in front of the map's own evictor, and reads the costs it is given
 * ({@link Costs}) from Hazelcast's record stores.
 */
final class IncrementalHeapBound {

    /** Checks between two full recounts of a map's partitions. */
    static final int RECOUNT_EVERY = 256;

    private final Costs costs;

    private final String mapName;

    private final long limitBytes;

    private final AtomicLongArray seen;

    private final AtomicLong total = new AtomicLong();

    /** Racy on purpose: a lost increment only moves the next recount by one check. */
    private int checks;

    /** Full recounts so far (racy, for tests and diagnostics). */
    private volatile long recounts;

    IncrementalHeapBound(Costs costs, String mapName, long limitBytes) {
        this.costs = costs;
        this.mapName = mapName;
        this.limitBytes = limitBytes;
        this.seen = new AtomicLongArray(costs.partitions());
    }

    /**
     * Tells whether a map must evict after a write to a partition that holds entries (an
     * empty one has nothing to evict, and Hazelcast's check answers no before it counts).
     * @param partition the written partition
     * @param cost the partition's owned entry cost now
     * ({@code RecordStore#getOwnedEntryCost})
     * @return true if the map's cost on this member is over the limit
     */
    boolean checkEvictable(int partition, long cost) {
        long estimate = record(partition, cost);
        if (estimate <= this.limitBytes && ++this.checks % RECOUNT_EVERY != 0) {
            return false;
        }
        return recount() > this.limitBytes;
    }

    /**
     * Returns the map's heap cost on this member as Hazelcast's USED_HEAP_SIZE check
     * counts it, refreshing every partition's kept cost.
     * @return the owned and backup entries' cost over all partitions, plus a member-side
     * near cache's
     */
    long recount() {
        this.recounts++;
        long sum = 0;
        for (int partition = 0; partition < this.seen.length(); partition++) {
            sum = record(partition, this.costs.partitionCost(partition));
        }
        return sum + this.costs.nearCacheCost();
    }

    /**
     * Returns how many full recounts this bound has made (approximately: concurrent ones
     * may count once).
     * @return the recounts
     */
    long recounts() {
        return this.recounts;
    }

    /**
     * Replaces a partition's kept cost and returns the new total; the total stays the sum
     * of the kept costs.
     */
    private long record(int partition, long cost) {
        long previous = this.seen.getAndSet(partition, cost);
        return (cost == previous) ? this.total.get() : this.total.addAndGet(cost - previous);
    }

    /**
     * Describes this bound in front of an evictor.
     * @param evictor the map's own evictor
     * @return the description
     */
    String describe(Object evictor) {
        return "IncrementalHeapBound{map=" + this.mapName + ", limit=" + this.limitBytes + " B, evictor=" + evictor
                + '}';
    }

    /**
     * The heap costs of one map on one member, as Hazelcast's USED_HEAP_SIZE check counts
     * them.
     */
    interface Costs {

        /**
         * Returns how many partitions the member has.
         * @return the partition count
         */
        int partitions();

        /**
         * Returns the owned entry cost of the map's entries in a partition.
         * @param partition the partition
         * @return the cost in bytes, 0 if the partition holds no record store of the map
         */
        long partitionCost(int partition);

        /**
         * Returns the memory cost of a member-side near cache of the map.
         * @return the cost in bytes, 0 if it has none
         */
        long nearCacheCost();

    }

}

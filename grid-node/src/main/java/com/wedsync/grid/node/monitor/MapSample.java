package com.wedsync.grid.node.monitor;

/**
 * One map on one member over one sample interval: what changed since the previous sample,
 * and its memory now.
 *
 * @param map the map's name
 * @param gets get operations on entries this member owns, in the interval
 * @param hits those of them that found the entry
 * @param puts put and set operations, in the interval
 * @param opsPerSecond gets and puts per second over the interval
 * @param latencyMs the mean latency of those gets and puts in milliseconds; {@code NaN}
 * without operations
 * @param memoryBytes owned and backup memory cost now
 * @param budgetBytes the member's memory budget of the map (its eviction bound)
 * @param ownedEntries entries this member owns now
 * @param evictions entries evicted in the interval
 * @param expirations entries expired in the interval
 * @param memoryAlert whether the map filling its budget is memory pressure (the catalog's
 * {@code memory-alert}); a map without it is a cache meant to fill its budget and evict
 */
public record MapSample(String map, long gets, long hits, long puts, double opsPerSecond, double latencyMs,
        long memoryBytes, long budgetBytes, long ownedEntries, long evictions, long expirations, boolean memoryAlert) {

    /**
     * Returns the share of gets that hit.
     * @return 0..1, or {@code NaN} without gets (a hit ratio that cannot be known)
     */
    public double hitRatio() {
        return (this.gets == 0) ? Double.NaN : Math.min(1.0, (double) this.hits / this.gets);
    }

    /**
     * Returns the memory cost against the budget.
     * @return the ratio, above 1 when the map is over its budget
     */
    public double memoryRatio() {
        return (this.budgetBytes == 0) ? Double.NaN : (double) this.memoryBytes / this.budgetBytes;
    }

    /**
     * Returns the operations of the interval.
     * @return gets and puts
     */
    public long operations() {
        return this.gets + this.puts;
    }
}

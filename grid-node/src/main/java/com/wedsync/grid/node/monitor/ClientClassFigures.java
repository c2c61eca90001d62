package com.wedsync.grid.node.monitor;

/**
 * What the clients saw of one data class (or of all) in their latest intervals, summed
 * over the clients; the percentiles come from their merged latency histograms, never from
 * averaged percentiles.
 *
 * @param reads reads in the clients' latest intervals
 * @param l1Hits of those, answered by a near cache
 * @param l2Hits of those, answered by the grid
 * @param opsPerSecond reads and writes per second
 * @param errorsPerSecond failed calls per second, timeouts not counted
 * @param timeoutsPerSecond calls per second that got no answer in time
 * @param p95Ms the 95th percentile of read latency through L1 and L2, in milliseconds;
 * {@code NaN} without reads
 * @param p99Ms the 99th percentile, likewise
 */
public record ClientClassFigures(long reads, long l1Hits, long l2Hits, double opsPerSecond, double errorsPerSecond,
        double timeoutsPerSecond, double p95Ms, double p99Ms) {

    /** No client saw the class. */
    public static final ClientClassFigures NONE = new ClientClassFigures(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);

    /**
     * Returns the share of reads answered by a cache, L1 or L2.
     * @return 0..1, or {@code NaN} without reads
     */
    public double hitRatio() {
        return ratio(this.l1Hits + this.l2Hits);
    }

    /**
     * Returns the share of reads answered by a near cache.
     * @return 0..1, or {@code NaN} without reads
     */
    public double l1HitRatio() {
        return ratio(this.l1Hits);
    }

    private double ratio(long hits) {
        return (this.reads == 0) ? Double.NaN : Math.min(1.0, (double) hits / this.reads);
    }

}

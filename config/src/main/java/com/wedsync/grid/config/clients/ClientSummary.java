package com.wedsync.grid.config.clients;

/**
 * What one grid-client saw in its last sample interval, per data class, as it shares it
 * with the members through the replicated map {@value #MAP} (keyed by the client's UUID,
 * with a TTL of {@value #FRESH_INTERVALS} intervals so that a client that stopped drops
 * out). Compact-serialized: only primitives, strings and their arrays; index {@code i} of
 * every array is the class {@code classes[i]}. The node and the client share nothing
 * else: the members check every entry before they aggregate it, since anyone who reaches
 * a member port can write the map.
 *
 * @param client the client's UUID, the entry's key
 * @param atMillis when the interval ended, epoch milliseconds
 * @param intervalMillis how long the interval was (a publish that failed makes the next
 * one cover its interval too)
 * @param classes the data-class ids ({@code wedding_data}, ...)
 * @param l1Hits reads answered by the client's near cache
 * @param l2Hits reads answered by the grid
 * @param misses reads that found nothing
 * @param writes puts and removes
 * @param errors calls that failed other than by a timeout
 * @param timeouts calls that got no answer within the operation timeout
 * @param latencies each class's latency histogram of reads, in nanoseconds
 * ({@link ClientLatency#encode}), one after another
 * @param latencyLengths the length of each class's histogram in {@code latencies}
 */
public record ClientSummary(String client, long atMillis, long intervalMillis, String[] classes, long[] l1Hits,
        long[] l2Hits, long[] misses, long[] writes, long[] errors, long[] timeouts, byte[] latencies,
        int[] latencyLengths) {

    /** The replicated map of the clients' summaries. */
    public static final String MAP = "grid_client_samples";

    /**
     * A summary older than this many of its intervals is stale, and its entry expires.
     */
    public static final int FRESH_INTERVALS = 3;

}

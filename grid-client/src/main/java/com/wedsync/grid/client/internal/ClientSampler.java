package com.wedsync.grid.client.internal;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns the regions' running totals and latencies into the {@link ClientSummary} of an
 * interval. What a summary holds counts as shared only once {@link #published} says so:
 * after a failed publish, the next summary covers both intervals, so nothing is lost.
 * Used by one thread at a time.
 */
final class ClientSampler {

    private final String client;

    private final Map<DataClass, RegionMetrics> regions;

    private final Map<DataClass, Shared> shared = new EnumMap<>(DataClass.class);

    private long sharedAtMillis;

    private long takenAtMillis;

    /**
     * Creates the sampler.
     * @param client the client's UUID
     * @param regions the meters of the regions made so far, per class (read live)
     * @param startMillis when the first interval starts
     */
    ClientSampler(String client, Map<DataClass, RegionMetrics> regions, long startMillis) {
        this.client = client;
        this.regions = regions;
        this.sharedAtMillis = startMillis;
    }

    /**
     * Returns what happened since the last published summary.
     * @param nowMillis the end of the interval, epoch milliseconds
     * @return the summary
     */
    ClientSummary take(long nowMillis) {
        Map<DataClass, RegionMetrics> current = new TreeMap<>(this.regions);
        int n = current.size();
        String[] classes = new String[n];
        long[][] figures = new long[6][n];
        int[] lengths = new int[n];
        ByteArrayOutputStream latencies = new ByteArrayOutputStream();
        int i = 0;
        for (Map.Entry<DataClass, RegionMetrics> entry : current.entrySet()) {
            Shared shared = this.shared.computeIfAbsent(entry.getKey(), (dataClass) -> new Shared());
            long[] totals = totals(entry.getValue());
            for (int f = 0; f < totals.length; f++) {
                figures[f][i] = totals[f] - shared.totals[f];
            }
            shared.taken = totals;
            entry.getValue().addLatencies(shared.latencies);
            byte[] encoded = ClientLatency.encode(shared.latencies);
            latencies.writeBytes(encoded);
            lengths[i] = encoded.length;
            classes[i++] = entry.getKey().id();
        }
        this.takenAtMillis = nowMillis;
        return new ClientSummary(this.client, nowMillis, Math.max(1, nowMillis - this.sharedAtMillis), classes,
                figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], latencies.toByteArray(),
                lengths);
    }

    /** The last summary {@link #take} returned reached the cluster. */
    void published() {
        for (Shared shared : this.shared.values()) {
            shared.totals = shared.taken;
            shared.latencies.reset();
        }
        this.sharedAtMillis = this.takenAtMillis;
    }

    private static long[] totals(RegionMetrics metrics) {
        return new long[] { metrics.l1Hits.total(), metrics.l2Hits.total(), metrics.misses.total(),
                metrics.writes.total(), metrics.errors.total(), metrics.timeouts.total() };
    }

    /** What the cluster has of one class: the totals published, the latencies not yet. */
    private static final class Shared {

        private long[] totals = new long[6];

        private long[] taken = this.totals;

        private final Histogram latencies = ClientLatency.histogram();

    }

}

package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates the clients' summaries ({@link ClientSummary}, shared through the replicated
 * map {@value ClientSummary#MAP}) into {@link ClientFigures}: counts summed, rates summed
 * over each client's own interval, latency histograms merged per class and over all
 * classes, percentiles read from the merged histograms. A summary is fresh for
 * {@value ClientSummary#FRESH_INTERVALS} of its intervals (at least the member's); an
 * entry that is not well-formed ({@link ClientSummaryCheck}) is skipped with one
 * {@code event=client_summary_skipped} WARN per key and problem. Reads the local replica:
 * no remote call.
 */
public final class ClientSamples {

    private static final Logger logger = LoggerFactory.getLogger(ClientSamples.class);

    private final HazelcastInstance instance;

    private final Duration interval;

    private final Set<String> classes;

    private final SkippedEntries skipped = new SkippedEntries(logger, "client_summary_skipped", "claimed_client");

    /**
     * Creates the aggregator.
     * @param instance the local member
     * @param interval the member's sample interval
     * @param catalog the data classes a summary may name
     */
    public ClientSamples(HazelcastInstance instance, Duration interval, Catalog catalog) {
        this.instance = instance;
        this.interval = interval;
        this.classes = catalog.policies()
            .stream()
            .map((policy) -> policy.dataClass().id())
            .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Aggregates the fresh, well-formed summaries.
     * @param now the time to judge freshness by
     * @return the figures
     */
    public ClientFigures aggregate(Instant now) {
        long latest = now.toEpochMilli() + this.interval.toMillis();
        Map<String, Sum> sums = new HashMap<>();
        Sum all = new Sum();
        int clients = 0;
        this.skipped.begin();
        for (Map.Entry<Object, Object> entry : this.instance.getReplicatedMap(ClientSummary.MAP).entrySet()) {
            ClientSummaryCheck.Checked checked = ClientSummaryCheck.check(entry.getKey(), entry.getValue(),
                    this.classes, latest);
            if (!checked.ok()) {
                this.skipped.skip(this.instance.getCluster().getLocalMember().getAddress(), Quoted.of(entry.getKey()),
                        claimedClient(entry.getValue()), checked.problem());
                continue;
            }
            ClientSummary summary = (ClientSummary) entry.getValue();
            if (!fresh(summary, now)) {
                continue;
            }
            clients++;
            for (int i = 0; i < summary.classes().length; i++) {
                sums.computeIfAbsent(summary.classes()[i], (id) -> new Sum()).add(summary, i, checked.histograms()[i]);
                all.add(summary, i, checked.histograms()[i]);
            }
        }
        this.skipped.end();
        Map<String, ClientClassFigures> figures = new HashMap<>();
        sums.forEach((id, sum) -> figures.put(id, sum.figures()));
        return new ClientFigures(clients, figures, all.figures());
    }

    private boolean fresh(ClientSummary summary, Instant now) {
        long interval = Math.max(this.interval.toMillis(),
                Math.min(summary.intervalMillis(), Duration.ofMinutes(1).toMillis()));
        return summary.atMillis() >= now.toEpochMilli() - interval * ClientSummary.FRESH_INTERVALS;
    }

    private static String claimedClient(Object value) {
        return (value instanceof ClientSummary summary) ? Quoted.of(summary.client()) : "none";
    }

    /** The figures of one class (or all) being summed. */
    private static final class Sum {

        private long reads;

        private long l1Hits;

        private long l2Hits;

        private double ops;

        private double errors;

        private double timeouts;

        private final Histogram latencies = ClientLatency.histogram();

        void add(ClientSummary summary, int i, Histogram latency) {
            double seconds = summary.intervalMillis() / 1000.0;
            long reads = summary.l1Hits()[i] + summary.l2Hits()[i] + summary.misses()[i];
            this.reads += reads;
            this.l1Hits += summary.l1Hits()[i];
            this.l2Hits += summary.l2Hits()[i];
            this.ops += (reads + summary.writes()[i]) / seconds;
            this.errors += summary.errors()[i] / seconds;
            this.timeouts += summary.timeouts()[i] / seconds;
            this.latencies.add(latency);
        }

        ClientClassFigures figures() {
            return new ClientClassFigures(this.reads, this.l1Hits, this.l2Hits, this.ops, this.errors, this.timeouts,
                    percentileMs(95), percentileMs(99));
        }

        private double percentileMs(double percentile) {
            return (this.latencies.getTotalCount() == 0) ? Double.NaN
                    : this.latencies.getValueAtPercentile(percentile) / 1e6;
        }

    }

}

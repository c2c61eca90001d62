package com.wedsync.grid.node.monitor;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.config.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares each member's latest summary through one replicated map, one entry per member (keyed by its UUID, with a
 * TTL of a few intervals so that a member that left drops out), and aggregates the fresh ones. Bounded by the
 * member count; every member reads its local replica, so aggregating costs no remote call.
 */
public final class ClusterSamples {

    /** The replicated map of the members' summaries. */
    public static final String MAP = "grid_monitor_samples";

    /** A summary older than this many intervals is stale. */
    static final int FRESH_INTERVALS = 3;

    private final HazelcastInstance instance;

    private final Duration interval;

    /**
     * Creates the aggregator.
     * @param instance the local member
     * @param interval the sample interval
     */
    public ClusterSamples(HazelcastInstance instance, Duration interval) {
        this.instance = instance;
        this.interval = interval;
    }

    /**
     * Publishes this member's summary.
     * @param summary the summary of its latest sample
     */
    public void publish(MemberSummary summary) {
        map().put(localMember().getUuid().toString(), summary, this.interval.toMillis() * FRESH_INTERVALS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Aggregates the fresh summaries of all members.
     * @param now the time to judge freshness by
     * @return the figures
     */
    public ClusterFigures aggregate(Instant now) {
        long oldest = now.toEpochMilli() - this.interval.toMillis() * FRESH_INTERVALS;
        int members = 0;
        double ops = 0;
        double memory = 0;
        Map<String, Long> hits = new HashMap<>();
        Map<String, Long> gets = new HashMap<>();
        Map<String, Severity> alerts = new HashMap<>();
        for (MemberSummary summary : map().values()) {
            if (summary.atMillis() < oldest) {
                continue;
            }
            members++;
            ops += summary.opsPerSecond();
            memory = Math.max(memory, summary.memoryUsedShare());
            for (int i = 0; i < summary.maps().length; i++) {
                hits.merge(summary.maps()[i], summary.hits()[i], Long::sum);
                gets.merge(summary.maps()[i], summary.gets()[i], Long::sum);
            }
            for (String alert : summary.worstAlerts()) {
                int equals = alert.indexOf('=');
                alerts.merge(alert.substring(0, equals), Severity.valueOf(alert.substring(equals + 1)),
                        (a, b) -> (a.compareTo(b) >= 0) ? a : b);
            }
        }
        return new ClusterFigures(members, ops, hits, gets, memory, alerts);
    }

    /**
     * Tells whether this member evaluates the cluster-wide rules: the oldest member does, so each cluster alert
     * is raised once; when it leaves, the next oldest takes over.
     * @return {@code true} on the oldest member
     */
    public boolean coordinates() {
        return this.instance.getCluster().getMembers().iterator().next().localMember();
    }

    private Member localMember() {
        return this.instance.getCluster().getLocalMember();
    }

    private ReplicatedMap<String, MemberSummary> map() {
        return this.instance.getReplicatedMap(MAP);
    }
}

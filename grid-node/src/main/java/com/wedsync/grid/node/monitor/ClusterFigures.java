package com.wedsync.grid.node.monitor;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * Figures of the whole cluster, aggregated from the members' latest samples.
 *
 * @param members the members whose samples were fresh
 * @param opsPerSecond gets and puts per second over all members and maps
 * @param hits hits per map, summed over the members
 * @param gets gets per map, summed over the members
 * @param maxMemoryUsedShare the highest {@link MemberSample#memoryUsedShare()} over the
 * members: the fullest map against its own budget
 * @param worstAlerts the worst active severity of each rule over all members
 * @param clients what the clients saw, on the oldest member ({@link ClientFigures#NONE}
 * on the others)
 */
public record ClusterFigures(int members, double opsPerSecond, Map<String, Long> hits, Map<String, Long> gets,
        double maxMemoryUsedShare, Map<String, Severity> worstAlerts, ClientFigures clients) {

    /**
     * Validates and copies the figures.
     */
    public ClusterFigures {
        hits = Map.copyOf(hits);
        gets = Map.copyOf(gets);
        worstAlerts = Map.copyOf(worstAlerts);
        Objects.requireNonNull(clients, "clients is missing");
    }

    /**
     * Creates the figures of the members alone: no client reports.
     * @param members the members whose samples were fresh
     * @param opsPerSecond gets and puts per second over all members and maps
     * @param hits hits per map, summed over the members
     * @param gets gets per map, summed over the members
     * @param maxMemoryUsedShare the fullest map against its own budget, over the members
     * @param worstAlerts the worst active severity of each rule over all members
     */
    public ClusterFigures(int members, double opsPerSecond, Map<String, Long> hits, Map<String, Long> gets,
            double maxMemoryUsedShare, Map<String, Severity> worstAlerts) {
        this(members, opsPerSecond, hits, gets, maxMemoryUsedShare, worstAlerts, ClientFigures.NONE);
    }

    /**
     * Returns the clients' reads and writes per second over every class: the load the
     * Saturday rule judges and the hourly load keeps.
     * @return them, or {@code NaN} when no client reports (or this member does not
     * aggregate them)
     */
    public double clientOpsPerSecond() {
        return (this.clients.clients() == 0) ? Double.NaN : this.clients.all().opsPerSecond();
    }

    /**
     * Returns the hit ratio of one map over the cluster.
     * @param map the map
     * @return 0..1, or {@code NaN} without gets
     */
    public double hitRatio(String map) {
        long gets = this.gets.getOrDefault(map, 0L);
        return (gets == 0) ? Double.NaN : Math.min(1.0, (double) this.hits.getOrDefault(map, 0L) / gets);
    }

    /**
     * Returns the hit ratio of all maps over the cluster.
     * @return 0..1, or {@code NaN} without gets
     */
    public double hitRatio() {
        long gets = this.gets.values().stream().mapToLong(Long::longValue).sum();
        long hits = this.hits.values().stream().mapToLong(Long::longValue).sum();
        return (gets == 0) ? Double.NaN : Math.min(1.0, (double) hits / gets);
    }
}

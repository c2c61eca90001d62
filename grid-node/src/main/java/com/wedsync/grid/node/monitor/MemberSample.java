package com.wedsync.grid.node.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one member measured over one sample interval.
 *
 * @param at when the sample was taken (the monitor's clock)
 * @param interval the time since the previous sample
 * @param member the member's address, {@code host:port}
 * @param maps one sample per map of the catalog, in catalog order
 * @param heapUsedRatio heap used against the maximum heap, 0..1
 * @param migrationsCompleted partition replica migrations completed in the interval
 * @param migrationsRemaining migrations of the current process not yet completed
 * @param partitionsLost map partitions whose data was lost (owner and every backup gone)
 * in the interval
 * @param operationQueueSize operations waiting in the member's operation queues; -1 when
 * it cannot be read
 */
public record MemberSample(Instant at, Duration interval, String member, List<MapSample> maps, double heapUsedRatio,
        long migrationsCompleted, long migrationsRemaining, long partitionsLost, int operationQueueSize) {

    /**
     * Validates the sample.
     * @throws NullPointerException naming a missing field
     */
    public MemberSample {
        Objects.requireNonNull(at, "at is missing");
        Objects.requireNonNull(interval, "interval is missing");
        Objects.requireNonNull(member, "member is missing");
        maps = List.copyOf(Objects.requireNonNull(maps, "maps are missing"));
    }

    /**
     * Returns the gets and puts per second over all maps.
     * @return the rate
     */
    public double opsPerSecond() {
        return this.maps.stream().mapToDouble(MapSample::opsPerSecond).sum();
    }

    /**
     * Returns the mean latency of all maps' operations, weighted by their counts.
     * @return milliseconds, or {@code NaN} without operations
     */
    public double latencyMs() {
        double weighted = 0;
        long operations = 0;
        for (MapSample map : this.maps) {
            if (map.operations() > 0) {
                weighted += map.latencyMs() * map.operations();
                operations += map.operations();
            }
        }
        return (operations == 0) ? Double.NaN : weighted / operations;
    }

    /**
     * Returns the memory pressure on this member: the fullest of the maps whose filling
     * is pressure ({@link MapSample#memoryAlert()}), owned and backup memory against the
     * map's own budget. A map is evicted at its own budget, whatever the others hold, so
     * this is how close the member is to evicting data it should keep (the memory alert's
     * figure, and the Prometheus rule's {@code max by (instance)
     * (grid_monitor_memory_ratio{memory_alert="true"})}). The caches meant to fill their
     * budgets and evict do not count: one of them full is how it is meant to work, and
     * counting it would hold the alert, and the advisor's extra member, for good.
     * @return the share, 0..1 (above 1 only while eviction catches up); 0 without such a
     * map
     */
    public double memoryUsedShare() {
        return this.maps.stream()
            .filter(MapSample::memoryAlert)
            .mapToDouble(MapSample::memoryRatio)
            .filter(Double::isFinite)
            .max()
            .orElse(0);
    }

    /**
     * Finds the sample of one map.
     * @param map the map's name
     * @return the sample
     * @throws IllegalArgumentException if the catalog has no such map
     */
    public MapSample map(String map) {
        return this.maps.stream()
            .filter((sample) -> sample.map().equals(map))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no map '" + map + "' in the sample"));
    }
}

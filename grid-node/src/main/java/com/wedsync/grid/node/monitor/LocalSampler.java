package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.LocalMapStats;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.member.ClusterEventListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Takes one member's samples. Hazelcast's map statistics are totals since the member
 * started; a sample is the difference from the previous one's totals, so its rates and
 * means cover exactly one interval. Not thread-safe: the monitor calls it from its one
 * thread.
 */
final class LocalSampler {

    private final HazelcastInstance instance;

    private final Catalog catalog;

    private final MemoryBudget budget;

    private final ClusterEventListener events;

    private final LongSupplier partitionsLost;

    private final Clock clock;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final Map<String, Totals> previous = new HashMap<>();

    private long previousMigrations;

    private long previousPartitionsLost;

    private Instant previousAt;

    LocalSampler(HazelcastInstance instance, Catalog catalog, MemoryBudget budget, ClusterEventListener events,
            LongSupplier partitionsLost, Clock clock) {
        this.instance = instance;
        this.catalog = catalog;
        this.budget = budget;
        this.events = events;
        this.partitionsLost = partitionsLost;
        this.clock = clock;
        // The first sample covers the time from here, not the member's whole life.
        this.previousAt = clock.instant();
        for (DataClassPolicy policy : catalog.policies()) {
            this.previous.put(policy.mapName(), Totals.of(stats(policy.mapName())));
        }
        this.previousMigrations = events.migrationsCompleted();
        this.previousPartitionsLost = partitionsLost.getAsLong();
    }

    MemberSample sample() {
        Instant at = this.clock.instant();
        Duration interval = Duration.between(this.previousAt, at);
        double seconds = Math.max(interval.toNanos(), 1) / 1e9;
        List<MapSample> maps = new ArrayList<>();
        for (DataClassPolicy policy : this.catalog.policies()) {
            maps.add(mapSample(policy, seconds));
        }
        long migrations = this.events.migrationsCompleted();
        long lost = this.partitionsLost.getAsLong();
        MemberSample sample = new MemberSample(at, interval, member(), maps, heapUsedRatio(),
                migrations - this.previousMigrations, this.events.migrationsRemaining(),
                lost - this.previousPartitionsLost, NodeInternals.operationQueueSize(this.instance));
        this.previousAt = at;
        this.previousMigrations = migrations;
        this.previousPartitionsLost = lost;
        return sample;
    }

    private MapSample mapSample(DataClassPolicy policy, double seconds) {
        LocalMapStats stats = stats(policy.mapName());
        Totals now = Totals.of(stats);
        Totals before = this.previous.put(policy.mapName(), now);
        long gets = now.gets - before.gets;
        long puts = now.puts - before.puts;
        long operations = gets + puts;
        // Hazelcast keeps the latency totals in nanoseconds but reports them truncated to
        // milliseconds, so the mean of an interval is exact to within 1 ms divided by its
        // operations.
        double latency = (operations == 0) ? Double.NaN : (double) (now.latencyMs - before.latencyMs) / operations;
        long budget = this.budget.bytes(policy.mapName());
        return new MapSample(policy.mapName(), gets, now.hits - before.hits, puts, operations / seconds, latency,
                stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost(), budget, stats.getOwnedEntryCount(),
                now.evictions - before.evictions, now.expirations - before.expirations, policy.memoryAlert());
    }

    private LocalMapStats stats(String map) {
        return this.instance.getMap(map).getLocalMapStats();
    }

    private String member() {
        return address(this.instance);
    }

    static String address(HazelcastInstance instance) {
        var address = instance.getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }

    private double heapUsedRatio() {
        MemoryUsage heap = this.memory.getHeapMemoryUsage();
        long max = (heap.getMax() > 0) ? heap.getMax() : heap.getCommitted();
        return (double) heap.getUsed() / max;
    }

    /** The totals Hazelcast keeps since the member started. */
    private record Totals(long gets, long hits, long puts, long latencyMs, long evictions, long expirations) {

        static Totals of(LocalMapStats stats) {
            return new Totals(stats.getGetOperationCount(), stats.getHits(),
                    stats.getPutOperationCount() + stats.getSetOperationCount(),
                    stats.getTotalGetLatency() + stats.getTotalPutLatency() + stats.getTotalSetLatency(),
                    stats.getEvictionCount(), stats.getExpirationCount());
        }
    }

}

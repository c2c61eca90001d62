package com.wedsync.grid.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * Per-map meters of this member, read live from {@link LocalMapStats} when scraped:
 * entries and memory (each tagged {@code ownership=owned|backup}), the memory budget,
 * hits, gets, puts, evictions and expirations. Tagged by {@code map}.
 */
public class MapMetricsBinder implements MeterBinder {

    /**
     * The tag that tells the entries this member owns from the backups it holds of other
     * members' entries.
     */
    static final String OWNERSHIP = "ownership";

    private static final String ENTRIES = "Entries of the map on this member: those it owns, or the backups it holds";

    private static final String MEMORY = "Memory cost of the map's entries on this member: owned, or backup";

    private final HazelcastInstance instance;

    private final Catalog catalog;

    private final MemoryBudget budget;

    /**
     * Creates the binder.
     * @param instance the local member
     * @param catalog the data classes whose maps are measured
     * @param budget the maps' memory budgets on this member
     */
    public MapMetricsBinder(HazelcastInstance instance, Catalog catalog, MemoryBudget budget) {
        this.instance = instance;
        this.catalog = catalog;
        this.budget = budget;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DataClassPolicy policy : this.catalog.policies()) {
            IMap<?, ?> map = this.instance.getMap(policy.mapName());
            Tags tags = Tags.of("map", policy.mapName());
            Tags owned = tags.and(OWNERSHIP, "owned");
            Tags backup = tags.and(OWNERSHIP, "backup");
            gauge(registry, "grid.map.entries", ENTRIES, owned, map, LocalMapStats::getOwnedEntryCount, null);
            gauge(registry, "grid.map.entries", ENTRIES, backup, map, LocalMapStats::getBackupEntryCount, null);
            gauge(registry, "grid.map.memory", MEMORY, owned, map, LocalMapStats::getOwnedEntryMemoryCost, "bytes");
            gauge(registry, "grid.map.memory", MEMORY, backup, map, LocalMapStats::getBackupEntryMemoryCost, "bytes");
            long budget = this.budget.bytes(policy.mapName());
            Gauge.builder("grid.map.budget", () -> budget)
                .description("Memory this member may hold of the map (owned and backup), its eviction bound")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry);
            counter(registry, "grid.map.hits", "Reads of entries this member owns that found the entry", tags, map,
                    LocalMapStats::getHits);
            counter(registry, "grid.map.gets", "Get operations on entries this member owns", tags, map,
                    LocalMapStats::getGetOperationCount);
            counter(registry, "grid.map.puts", "Put and set operations on entries this member owns", tags, map,
                    (stats) -> stats.getPutOperationCount() + stats.getSetOperationCount());
            counter(registry, "grid.map.evictions", "Entries evicted to keep the map within its budget", tags, map,
                    LocalMapStats::getEvictionCount);
            counter(registry, "grid.map.expirations", "Entries that expired by TTL or max idle", tags, map,
                    LocalMapStats::getExpirationCount);
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags, IMap<?, ?> map,
            ToDoubleFunction<LocalMapStats> reader, String unit) {
        Gauge.builder(name, map, (m) -> reader.applyAsDouble(m.getLocalMapStats()))
            .description(description)
            .baseUnit(unit)
            .tags(tags)
            .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, IMap<?, ?> map,
            ToDoubleFunction<LocalMapStats> reader) {
        FunctionCounter.builder(name, map, (m) -> reader.applyAsDouble(m.getLocalMapStats()))
            .description(description)
            .tags(tags)
            .register(registry);
    }

}

package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapPartitionLostEvent;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts partitions whose data of a catalog map was really lost: Hazelcast tells a map's
 * partition-lost listeners only when the owner and all the map's backups of a partition
 * are gone. (The cluster-wide partition-lost event also fires when only the owner is lost
 * and a backup took over, which loses nothing here: every class has a backup.) This
 * count, not that one, is what the {@code partition_lost} rule samples.
 */
public final class MapPartitionLosses implements MeterBinder, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(MapPartitionLosses.class);

    private final HazelcastInstance instance;

    private final Map<String, AtomicLong> lost = new LinkedHashMap<>();

    private final List<Registration> registrations = new ArrayList<>();

    /**
     * Registers a partition-lost listener with each map of the catalog.
     * @param instance the local member
     * @param catalog the data classes
     */
    public MapPartitionLosses(HazelcastInstance instance, Catalog catalog) {
        this.instance = instance;
        for (DataClassPolicy policy : catalog.policies()) {
            AtomicLong count = new AtomicLong();
            this.lost.put(policy.mapName(), count);
            UUID id = instance.getMap(policy.mapName()).addPartitionLostListener((event) -> lost(event, count));
            this.registrations.add(new Registration(policy.mapName(), id));
        }
    }

    /**
     * Returns the map partitions lost since the node started, over all maps.
     * @return the count
     */
    public long total() {
        return this.lost.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.lost.forEach((map, count) -> FunctionCounter.builder("grid.map.partitions.lost", count, AtomicLong::get)
            .description("Partitions of the map whose owner and every backup were lost: data gone")
            .tag("map", map)
            .register(registry));
    }

    @Override
    public void close() {
        for (Registration registration : this.registrations) {
            try {
                this.instance.getMap(registration.map()).removePartitionLostListener(registration.id());
            }
            catch (RuntimeException ex) {
                // The member has stopped already; its listeners went with it.
            }
        }
    }

    private static void lost(MapPartitionLostEvent event, AtomicLong count) {
        try {
            count.incrementAndGet();
            logger.warn("event=map_partition_lost map={} partition={} by={}", event.getName(), event.getPartitionId(),
                    event.getMember());
        }
        catch (RuntimeException ex) {
            logger.warn("event=listener_failed while=map_partition_lost error={}", ex.toString());
        }
    }

    private record Registration(String map, UUID id) {
    }

}

package com.wedsync.grid.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-map meters on two real members over loopback: entries and memory are one name
 * each, tagged {@code ownership=owned|backup}, and the budget is the member's
 * {@link MemoryBudget}.
 */
class MapMetricsBinderIT {

    private static final long MEMORY = 64 * HazelcastConfigFactory.MIB;

    private static final String WEDDINGS = "wedding_data";

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final MemoryBudget budget = MemoryBudget.of(this.catalog, MEMORY);

    private LoopbackGrid grid;

    @AfterEach
    void terminateMembers() {
        if (this.grid != null) {
            this.grid.close();
        }
    }

    @Test
    void entriesAndMemoryAreTaggedByOwnershipAndTheBudgetIsTheMembersOwn() {
        this.grid = LoopbackGrid.builder()
            .name("map-metrics")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY))
            // A backup whose operation timed out on a loaded machine is restored by the
            // partitions' anti-entropy, every 30 s by default, the await's own bound (a
            // CI
            // run once saw 99 backups for 30 s): every second here.
            .config((config) -> config.setProperty("hazelcast.partition.backup.sync.interval", "1"))
            .start(2);
        List<SimpleMeterRegistry> registries = new ArrayList<>();
        for (HazelcastInstance member : this.grid.members()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new MapMetricsBinder(member, this.catalog, this.budget).bindTo(registry);
            registries.add(registry);
        }
        IMap<WeddingKey, byte[]> weddings = this.grid.member(0).getMap(WEDDINGS);
        for (int i = 0; i < 100; i++) {
            weddings.set(new WeddingKey("w-" + i, "timeline"), new byte[1024]);
        }

        // Each entry has one owner and, with two members, one backup on the other member.
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(sum(registries, "grid.map.entries", "backup")).isEqualTo(100));
        assertThat(sum(registries, "grid.map.entries", "owned")).isEqualTo(100);
        assertThat(sum(registries, "grid.map.memory", "owned")).isGreaterThan(100 * 1024);
        assertThat(sum(registries, "grid.map.memory", "backup")).isGreaterThan(100 * 1024);
        SimpleMeterRegistry first = registries.get(0);
        assertThat(first.get("grid.map.budget").tag("map", WEDDINGS).gauge().value())
            .isEqualTo(this.budget.bytes(WEDDINGS));
        assertThat(first.find("grid.map.entries").tag("map", WEDDINGS).gauges()).hasSize(2);
        assertThat(first.getMeters()).extracting((meter) -> meter.getId().getName())
            .doesNotContain("grid.map.owned.entries", "grid.map.backup.entries", "grid.map.owned.memory",
                    "grid.map.backup.memory");
    }

    private static double sum(List<SimpleMeterRegistry> registries, String name, String ownership) {
        return registries.stream()
            .mapToDouble((registry) -> registry.get(name)
                .tags("map", WEDDINGS, MapMetricsBinder.OWNERSHIP, ownership)
                .gauge()
                .value())
            .sum();
    }

}

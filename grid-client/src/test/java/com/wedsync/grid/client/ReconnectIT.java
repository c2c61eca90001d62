package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What happens to a client's near cache when members go away: after losing one member it
 * keeps serving every entry of its L1 (no reload storm) and stays correct; after the
 * whole cluster restarts (all data gone) it serves nothing stale. Figures are printed as
 * {@code [reconnect] ...}.
 */
class ReconnectIT {

    private static final int KEYS = 2_000;

    @Test
    void losingOneMemberKeepsEveryNearCachedEntryAndServesNoStaleValue() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("reconnect").start(3)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            GridClient reader = TestClients.connect(grid, registry);
            GridClient writer = TestClients.connect(grid);
            CacheRegion<WeddingKey, String> readerRegion = reader.region(DataClass.WEDDING_DATA, String.class);
            CacheRegion<WeddingKey, String> writerRegion = writer.region(DataClass.WEDDING_DATA, String.class);
            List<WeddingKey> keys = keys();
            keys.forEach((key) -> writerRegion.put(key, "v1"));
            keys.forEach(readerRegion::get);
            double l1Before = l1Hits(registry);

            grid.members().get(1).getLifecycleService().terminate();
            grid.awaitSafe(2);
            keys.forEach((key) -> assertThat(readerRegion.get(key)).isEqualTo("v1"));
            double keptInL1 = l1Hits(registry) - l1Before;

            List<WeddingKey> changed = keys.subList(0, 100);
            changed.forEach((key) -> writerRegion.put(key, "v2"));
            await().atMost(LoopbackGrid.TIMEOUT)
                .untilAsserted(() -> changed.forEach((key) -> assertThat(readerRegion.get(key)).isEqualTo("v2")));

            System.out.printf("[reconnect] one of 3 members terminated: %d of %d near-cached reads still L1 hits%n",
                    (long) keptInL1, KEYS);
            assertThat(keptInL1).as("L1 hits after failover").isEqualTo(KEYS);
        }
    }

    @Test
    void afterTheWholeClusterRestartsTheNearCacheServesNothingStale() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("reconnect").start(1)) {
            GridClient client = TestClients.connect(grid);
            CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
            List<WeddingKey> keys = keys();
            keys.forEach((key) -> region.put(key, "before restart"));
            keys.forEach(region::get);

            HazelcastInstance old = grid.members().get(0);
            old.getLifecycleService().terminate();
            grid.startMember();
            grid.awaitSafe(1);

            await().atMost(LoopbackGrid.TIMEOUT).untilAsserted(() -> assertThat(region.get(keys.get(0))).isNull());
            long stale = keys.stream().filter((key) -> region.get(key) != null).count();
            System.out.printf("[reconnect] whole cluster restarted: %d of %d keys still served from L1%n", stale, KEYS);
            assertThat(stale).isZero();
        }
    }

    private static List<WeddingKey> keys() {
        List<WeddingKey> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(new WeddingKey("w-" + (i % 400), "item-" + i));
        }
        return keys;
    }

    private static double l1Hits(SimpleMeterRegistry registry) {
        return registry.get("grid.region.gets").tag("region", "wedding_data").tag("result", "l1_hit").counter().count();
    }

}

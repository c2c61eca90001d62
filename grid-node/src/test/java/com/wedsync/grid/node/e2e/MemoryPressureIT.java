package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A grid-node process with a 64 MiB cache limit gets photo thumbnails, guest interactions
 * and vendor responses far past their budgets (about 16x, 2.5x and 3x) while wedding data
 * is written at a fixed rate. The process must survive without an
 * {@code OutOfMemoryError}, keep at least 98 % of its wedding data (all of what was
 * written during the flood), and evict from the lower classes instead. Figures print as
 * {@code [chaos]}.
 */
class MemoryPressureIT {

    private static final int WEDDING_ENTRIES = 3_000;

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    private final Random random = new Random(42);

    @Test
    void aFloodOfLowerClassesEvictsThemAndKeepsWeddingData() throws InterruptedException {
        ChaosCluster cluster = ChaosCluster.start(nodes, "memory", 1, Map.of("GRID_MEMORY_LIMIT", "64m"));
        ChaosLedger ledger = new ChaosLedger();
        Map<DataClass, Flood> floods = new LinkedHashMap<>();
        try (GridClient client = GridClient.connect(cluster.clientSettings(), new SimpleMeterRegistry())) {
            List<WeddingKey> timelines = fill(client.region(DataClass.WEDDING_DATA, byte[].class),
                    new Flood("timeline", WEDDING_ENTRIES, 2 * 1024));
            floods.put(DataClass.PHOTO_THUMBNAILS, new Flood("thumbnail", 2_500, 40 * 1024));
            floods.put(DataClass.VENDOR_RESPONSES, new Flood("vendor", 6_000, 8 * 1024));
            floods.put(DataClass.GUEST_INTERACTIONS, new Flood("rsvp", 60_000, 512));
            Map<DataClass, List<WeddingKey>> flooded = new LinkedHashMap<>();
            ChaosLoad.Store weddings = ChaosLoad.Store.of(client.region(DataClass.WEDDING_DATA, String.class));
            ChaosLoad.Result load = ChaosLoad.around(weddings, ledger,
                    new ChaosLoad.Settings(1, 200, 0, 1, Duration.ofSeconds(20)), 200, () -> floods.forEach((dataClass,
                            flood) -> flooded.put(dataClass, fill(client.region(dataClass, byte[].class), flood))));
            NodeProcess member = cluster.member(0);
            assertThat(member.isAlive()).as("member alive after the flood").isTrue();

            try (GridClient fresh = GridClient.connect(cluster.clientSettings(), new SimpleMeterRegistry())) {
                double weddingRetained = retained(fresh.region(DataClass.WEDDING_DATA, byte[].class), timelines);
                ChaosLedger.Verification written = ledger.verify(fresh.region(DataClass.WEDDING_DATA, String.class));
                Map<DataClass, Double> lower = new LinkedHashMap<>();
                flooded.forEach((dataClass, keys) -> lower.put(dataClass,
                        retained(fresh.region(dataClass, byte[].class), keys)));
                String maps = member.get("/actuator/cluster").body();
                System.out.printf("[chaos] memory-pressure (64 MiB, flood %s): wedding data retained %.1f %% of %d "
                        + "preloaded, writes during the flood: %s (%s); lower classes retained %s; budget used %s %%%n",
                        floods, 100 * weddingRetained, WEDDING_ENTRIES, written, load, lower,
                        JsonPath.read(maps, "$.maps[*]['map','budgetUsedPercent']").toString());

                assertThat(weddingRetained).as("wedding data retained").isGreaterThanOrEqualTo(0.98);
                assertThat(written.lost()).as("wedding writes during the flood lost: %s", written).isZero();
                assertThat(load.errors()).as("client errors during the flood").isEmpty();
                lower.forEach((dataClass, share) -> assertThat(share).as("%s retained", dataClass).isLessThan(0.6));
            }
            assertThat(member.isAlive()).as("member alive").isTrue();
            assertThat(member.output()).doesNotContain("OutOfMemoryError");
        }
    }

    private List<WeddingKey> fill(CacheRegion<WeddingKey, byte[]> region, Flood flood) {
        List<WeddingKey> keys = new ArrayList<>();
        Map<WeddingKey, byte[]> batch = new HashMap<>();
        for (int i = 0; i < flood.entries(); i++) {
            WeddingKey key = new WeddingKey("pressure-w" + (i % 500), flood.item() + "-" + i);
            keys.add(key);
            batch.put(key, incompressible(flood.bytes()));
            if (batch.size() * flood.bytes() >= 512 * 1024 || i == flood.entries() - 1) {
                region.putAll(batch);
                batch.clear();
            }
        }
        return keys;
    }

    private byte[] incompressible(int bytes) {
        byte[] value = new byte[bytes];
        this.random.nextBytes(value);
        return value;
    }

    private static double retained(CacheRegion<WeddingKey, byte[]> region, List<WeddingKey> keys) {
        long present = 0;
        for (int from = 0; from < keys.size(); from += 500) {
            present += region.getAll(new java.util.HashSet<>(keys.subList(from, Math.min(keys.size(), from + 500))))
                .size();
        }
        return (double) present / keys.size();
    }

    /**
     * Entries of one class written as fast as the grid takes them.
     *
     * @param item the key's item prefix
     * @param entries how many
     * @param bytes the size of each (random, so compression does not shrink it)
     */
    private record Flood(String item, int entries, int bytes) {

        @Override
        public String toString() {
            return this.entries + " x " + this.bytes / 1024.0 + " KiB";
        }
    }

}

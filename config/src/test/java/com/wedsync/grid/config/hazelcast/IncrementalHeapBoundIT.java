package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental USED_HEAP_SIZE check: installed on every catalog map of a started
 * member, it evicts nothing while a map is within its budget (also after removals, which
 * it does not see), and holds a map over its budget to it as Hazelcast's per-write sum
 * does (MemoryBudgetIT checks the budgets themselves through the same config).
 */
class IncrementalHeapBoundIT {

    private static final long MIB = HazelcastConfigFactory.MIB;

    private static final long MEMORY_LIMIT = 60 * MIB;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private LoopbackGrid cluster;

    @AfterEach
    void stopCluster() {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void everyCatalogMapOfAStartedMemberChecksIncrementally() {
        this.cluster = LoopbackGrid.builder()
            .name("incremental")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        for (DataClassPolicy policy : this.catalog.policies()) {
            assertThat(HeapBoundInstaller.bound(this.cluster.member(0), policy.mapName())).as(policy.mapName())
                .isNotNull();
        }
    }

    @Test
    void aLoadWithinTheBudgetRecountsOnlyEveryFewHundredEntries() {
        this.cluster = LoopbackGrid.builder()
            .name("incremental-recount")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        DataClassPolicy wedding = this.catalog.policy(DataClass.WEDDING_DATA);
        IMap<WeddingKey, byte[]> map = member.getMap(wedding.mapName());
        IncrementalHeapBound bound = HeapBoundInstaller.bound(member, wedding.mapName());
        long before = bound.recounts();
        int entries = 10_000;
        putAll(map, 0, entries, 1024);
        putAll(map, 0, entries, 1024);
        long recounts = bound.recounts() - before;
        System.out.printf("[measure] wedding_data, 2 x %d entries of 1 KiB (%d B of %d B): %d recounts%n", entries,
                map.getLocalMapStats().getOwnedEntryMemoryCost(),
                MemoryBudget.of(this.catalog, MEMORY_LIMIT).bytes(wedding.mapName()), recounts);
        assertThat(map.getLocalMapStats().getEvictionCount()).isZero();
        assertThat(recounts).isLessThanOrEqualTo(2 * entries / IncrementalHeapBound.RECOUNT_EVERY + 2);
    }

    @Test
    void nothingIsEvictedWithinTheBudgetEvenAfterRemovalsAndTheBoundHoldsAboveIt() {
        this.cluster = LoopbackGrid.builder()
            .name("incremental-bound")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        DataClassPolicy photos = this.catalog.policy(DataClass.PHOTO_THUMBNAILS);
        IMap<WeddingKey, byte[]> map = member.getMap(photos.mapName());
        long budget = MemoryBudget.of(this.catalog, MEMORY_LIMIT).bytes(photos.mapName());

        // Fill to about 80 % of the budget in batches, remove half, fill again to about
        // 80 %: never over.
        int perEntry = 4096;
        int fill = (int) (budget * 8 / 10 / (perEntry + 200));
        putAll(map, 0, fill, perEntry);
        for (int i = 0; i < fill; i += 2) {
            map.delete(key(i));
        }
        putAll(map, fill, fill / 2, perEntry);
        long cost = map.getLocalMapStats().getOwnedEntryMemoryCost();
        System.out.printf("[measure] photo_thumbnails within budget: %d B of %d B, evictions %d%n", cost, budget,
                map.getLocalMapStats().getEvictionCount());
        assertThat(cost).isLessThan(budget);
        assertThat(map.getLocalMapStats().getEvictionCount()).as("evictions within the budget").isZero();

        // Three budgets more: evictions, and the map stays within its budget (one sample
        // of slack, as MemoryBudgetIT).
        putAll(map, 2 * fill, (int) (3 * budget / perEntry), perEntry);
        long after = map.getLocalMapStats().getOwnedEntryMemoryCost();
        System.out.printf("[measure] photo_thumbnails flooded: %d B of %d B, evictions %d%n", after, budget,
                map.getLocalMapStats().getEvictionCount());
        assertThat(map.getLocalMapStats().getEvictionCount()).isPositive();
        assertThat(after).isLessThanOrEqualTo(budget * 105 / 100);
    }

    private static void putAll(IMap<WeddingKey, byte[]> map, int first, int count, int size) {
        Map<WeddingKey, byte[]> batch = new HashMap<>();
        for (int i = first; i < first + count; i++) {
            batch.put(key(i), new byte[size]);
            if (batch.size() == 500) {
                map.putAll(batch);
                batch.clear();
            }
        }
        map.putAll(batch);
    }

    private static WeddingKey key(int i) {
        return new WeddingKey("w-" + (i % 300), "photo:" + i);
    }

}

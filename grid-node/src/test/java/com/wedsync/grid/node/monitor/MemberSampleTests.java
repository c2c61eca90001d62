package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member's memory used is its fullest memory-alert map against that map's own budget,
 * the bound it is evicted at; caches meant to fill and evict do not count.
 */
class MemberSampleTests {

    private static final long MIB = 1L << 20;

    @Test
    void memoryUsedIsTheFullestMapAgainstItsOwnBudget() {
        // 40 of 400 MiB (10 %) and 45 of 50 MiB (90 %): 85 MiB of the 1 GiB limit would
        // be only 8 %.
        MemberSample sample = sample(map("wedding_data", 40 * MIB, 400 * MIB, true),
                map("system_cache", 45 * MIB, 50 * MIB, true));

        assertThat(sample.memoryUsedShare()).isEqualTo(0.9);
    }

    @Test
    void aMapOverItsBudgetWhileEvictionCatchesUpIsAboveOne() {
        assertThat(sample(map("wedding_data", 11 * MIB, 10 * MIB, true)).memoryUsedShare()).isEqualTo(1.1);
    }

    @Test
    void aCacheFullAndEvictingAsDesignedIsNoMemoryPressure() {
        MemberSample sample = sample(map("wedding_data", 100 * MIB, 400 * MIB, true),
                map("photo_thumbnails", 100 * MIB, 100 * MIB, false));

        assertThat(sample.memoryUsedShare()).isEqualTo(0.25);
        assertThat(sample(map("photo_thumbnails", 100 * MIB, 100 * MIB, false)).memoryUsedShare()).isZero();
    }

    @Test
    void aSampleWithoutMapsUsesNoMemory() {
        assertThat(sample().memoryUsedShare()).isZero();
    }

    private static MapSample map(String name, long memoryBytes, long budgetBytes, boolean memoryAlert) {
        return new MapSample(name, 0, 0, 0, 0, Double.NaN, memoryBytes, budgetBytes, 0, 0, 0, memoryAlert);
    }

    private static MemberSample sample(MapSample... maps) {
        return new MemberSample(Instant.parse("2026-06-13T12:00:00Z"), Duration.ofSeconds(5), "127.0.0.1:5701",
                List.of(maps), 0.5, 0, 0, 0, 0);
    }

}

package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three real members on loopback, loaded with wedding data (2 backups) and vendor
 * responses (1 backup): members leaving through the graceful path hand their partitions
 * over first, so no entry is lost even when the cluster shrinks by more members than the
 * backup count; members that crash lose what had fewer copies.
 */
class GracefulShutdownIT {

    private static final int ENTRIES = 10_000;

    private static final int WEDDINGS = 500;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private LoopbackGrid cluster;

    private Map<WeddingKey, String> weddingData;

    private Map<WeddingKey, String> vendorResponses;

    @BeforeEach
    void startLoadedCluster() {
        assertThat(this.catalog.policy(DataClass.WEDDING_DATA).backupCount()).isEqualTo(2);
        assertThat(this.catalog.policy(DataClass.VENDOR_RESPONSES).backupCount()).isEqualTo(1);
        this.cluster = LoopbackGrid.builder()
            .name("shutdown")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(256 * HazelcastConfigFactory.MIB))
            .start(3);
        this.weddingData = entries("timeline");
        this.vendorResponses = entries("vendor");
        map(this.cluster.member(0), DataClass.WEDDING_DATA).putAll(this.weddingData);
        map(this.cluster.member(0), DataClass.VENDOR_RESPONSES).putAll(this.vendorResponses);
        this.cluster.awaitSafe(3);
    }

    @AfterEach
    void stopCluster() {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void gracefulShutdownOfTwoMembersOneAfterTheOtherLosesNoEntry() {
        this.cluster.member(0).shutdown();
        this.cluster.awaitSize(2);
        assertEveryEntryReadable(this.cluster.member(1));

        // The second member leaves at once, without waiting for the cluster to rebuild
        // the missing backups.
        this.cluster.member(0).shutdown();
        this.cluster.awaitSize(1);
        assertEveryEntryReadable(this.cluster.member(0));
    }

    @Test
    void gracefulShutdownOfTwoMembersAtOnceLosesNoEntry() {
        List<HazelcastInstance> leaving = this.cluster.members().subList(0, 2);
        CompletableFuture
            .allOf(leaving.stream()
                .map((member) -> CompletableFuture.runAsync(member::shutdown))
                .toArray(CompletableFuture[]::new))
            .join();

        this.cluster.awaitSize(1);
        assertEveryEntryReadable(this.cluster.member(0));
    }

    @Test
    void crashOfTwoMembersAtOnceLosesOnlyTheClassWithFewerBackups() {
        List<HazelcastInstance> crashing = this.cluster.members().subList(0, 2);
        CompletableFuture
            .allOf(crashing.stream()
                .map((member) -> CompletableFuture.runAsync(() -> member.getLifecycleService().terminate()))
                .toArray(CompletableFuture[]::new))
            .join();
        this.cluster.awaitSafe(1);
        HazelcastInstance survivor = this.cluster.member(0);

        // 2 backups: the survivor held a copy of every partition. 1 backup: partitions
        // whose both copies were on the crashed members are gone; this is what the
        // graceful path above prevents.
        assertThat(map(survivor, DataClass.WEDDING_DATA).getAll(this.weddingData.keySet()))
            .containsExactlyInAnyOrderEntriesOf(this.weddingData);
        assertThat(map(survivor, DataClass.VENDOR_RESPONSES).size()).isLessThan(ENTRIES);
    }

    private void assertEveryEntryReadable(HazelcastInstance member) {
        IMap<WeddingKey, String> wedding = map(member, DataClass.WEDDING_DATA);
        IMap<WeddingKey, String> vendor = map(member, DataClass.VENDOR_RESPONSES);
        assertThat(wedding.size()).as("wedding_data size").isEqualTo(ENTRIES);
        assertThat(vendor.size()).as("vendor_responses size").isEqualTo(ENTRIES);
        assertThat(wedding.getAll(this.weddingData.keySet())).containsExactlyInAnyOrderEntriesOf(this.weddingData);
        assertThat(vendor.getAll(this.vendorResponses.keySet()))
            .containsExactlyInAnyOrderEntriesOf(this.vendorResponses);
    }

    private IMap<WeddingKey, String> map(HazelcastInstance member, DataClass dataClass) {
        return member.getMap(this.catalog.policy(dataClass).mapName());
    }

    private static Map<WeddingKey, String> entries(String item) {
        Map<WeddingKey, String> entries = new HashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            WeddingKey key = new WeddingKey("w-2026-07-04-" + (i % WEDDINGS), item + ":" + i);
            entries.put(key, item + " " + i + " of " + key.weddingId());
        }
        return entries;
    }

}

package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real members on loopback: every entry of a wedding, in every map keyed by
 * {@link WeddingKey}, lands in the partition of the wedding id and is stored on that
 * partition's owner, while different weddings spread over the cluster.
 */
class WeddingRoutingIT {

    private static final List<DataClass> WEDDING_KEYED = List.of(DataClass.WEDDING_DATA, DataClass.VENDOR_RESPONSES,
            DataClass.GUEST_INTERACTIONS);

    private static final int WEDDINGS = 40;

    private static final int ITEMS_PER_WEDDING = 6;

    private static Catalog catalog;

    private static LoopbackGrid cluster;

    private static List<String> weddingIds;

    @BeforeAll
    static void startClusterAndLoadWeddings() {
        catalog = CatalogLoader.loadDefault();
        cluster = LoopbackGrid.builder()
            .name("routing")
            .catalog(catalog)
            .member((member) -> member.memoryLimitBytes(256 * HazelcastConfigFactory.MIB))
            .start(3);
        weddingIds = new ArrayList<>();
        for (int w = 0; w < WEDDINGS; w++) {
            weddingIds.add("w-2026-06-13-" + UUID.randomUUID());
        }
        HazelcastInstance writer = cluster.member(0);
        for (DataClass dataClass : WEDDING_KEYED) {
            IMap<WeddingKey, String> map = writer.getMap(catalog.policy(dataClass).mapName());
            for (String weddingId : weddingIds) {
                for (int i = 0; i < ITEMS_PER_WEDDING; i++) {
                    map.put(new WeddingKey(weddingId, dataClass.id() + ":" + i), "value of " + weddingId + "/" + i);
                }
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyKeyOfAWeddingMapsToThePartitionOfTheWeddingIdOnEveryMember() {
        for (HazelcastInstance member : cluster.members()) {
            for (String weddingId : weddingIds) {
                int weddingPartition = member.getPartitionService().getPartition(weddingId).getPartitionId();
                for (WeddingKey key : keysOf(weddingId)) {
                    assertThat(member.getPartitionService().getPartition(key).getPartitionId())
                        .as("partition of %s seen by %s", key, member.getName())
                        .isEqualTo(weddingPartition);
                }
            }
        }
    }

    @Test
    void allEntriesOfAWeddingAcrossMapsAreStoredOnlyOnTheOwnerOfItsPartition() {
        for (String weddingId : weddingIds) {
            Partition partition = cluster.member(0).getPartitionService().getPartition(weddingId);
            Member owner = partition.getOwner();
            Set<WeddingKey> keys = keysOf(weddingId);
            for (HazelcastInstance member : cluster.members()) {
                Set<WeddingKey> ownedHere = ownedKeysOf(member, weddingId);
                if (member.getCluster().getLocalMember().getUuid().equals(owner.getUuid())) {
                    assertThat(ownedHere).as("entries of %s owned by its partition owner", weddingId)
                        .containsExactlyInAnyOrderElementsOf(keys);
                }
                else {
                    assertThat(ownedHere).as("entries of %s owned by another member %s", weddingId, member.getName())
                        .isEmpty();
                }
            }
        }
    }

    @Test
    void differentWeddingsSpreadOverMoreThanOneMember() {
        Set<Member> owners = new HashSet<>();
        for (String weddingId : weddingIds) {
            owners.add(cluster.member(0).getPartitionService().getPartition(weddingId).getOwner());
        }
        Map<String, Integer> ownedEntriesPerMember = cluster.members()
            .stream()
            .collect(Collectors.toMap(HazelcastInstance::getName, WeddingRoutingIT::ownedEntryCount));

        assertThat(owners).as("owners of %d weddings' partitions", WEDDINGS).hasSizeGreaterThan(1);
        assertThat(ownedEntriesPerMember.values().stream().filter((count) -> count > 0))
            .as("members owning wedding entries: %s", ownedEntriesPerMember)
            .hasSizeGreaterThan(1);
        assertThat(ownedEntriesPerMember.values().stream().mapToInt(Integer::intValue).sum())
            .isEqualTo(WEDDINGS * ITEMS_PER_WEDDING * WEDDING_KEYED.size());
    }

    private static Set<WeddingKey> keysOf(String weddingId) {
        Set<WeddingKey> keys = new HashSet<>();
        for (DataClass dataClass : WEDDING_KEYED) {
            for (int i = 0; i < ITEMS_PER_WEDDING; i++) {
                keys.add(new WeddingKey(weddingId, dataClass.id() + ":" + i));
            }
        }
        return keys;
    }

    private static Set<WeddingKey> ownedKeysOf(HazelcastInstance member, String weddingId) {
        Set<WeddingKey> owned = new HashSet<>();
        for (DataClass dataClass : WEDDING_KEYED) {
            IMap<WeddingKey, String> map = member.getMap(catalog.policy(dataClass).mapName());
            map.localKeySet().stream().filter((key) -> key.weddingId().equals(weddingId)).forEach(owned::add);
        }
        return owned;
    }

    private static int ownedEntryCount(HazelcastInstance member) {
        int count = 0;
        for (DataClass dataClass : WEDDING_KEYED) {
            count += member.getMap(catalog.policy(dataClass).mapName()).localKeySet().size();
        }
        return count;
    }

}

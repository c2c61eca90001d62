package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.member.ClusterEventListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What counts as a lost partition, on real members: losing one of two members fires
 * Hazelcast's partition-lost events (the owner replica is gone) but loses no map data,
 * since every class has a backup; losing the owner and the backup of a partition at once
 * loses its data, and only that is counted.
 */
class PartitionLossIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("loss").portSpan(3).build();

    @AfterEach
    void shutDown() {
        this.loopback.close();
    }

    @Test
    void aKilledMemberWhoseBackupsSurviveLosesNoMapData() {
        ClusterEventListener events = new ClusterEventListener();
        HazelcastInstance survivor = start(events);
        HazelcastInstance killed = start(new ClusterEventListener());
        fill(survivor);
        MapPartitionLosses losses = new MapPartitionLosses(survivor, CatalogLoader.loadDefault());

        killed.getLifecycleService().terminate();

        await().atMost(WITHIN).until(() -> events.partitionsLost() > 0);
        await().atMost(WITHIN).until(() -> survivor.getPartitionService().isClusterSafe());
        assertThat(losses.total()).isZero();
        assertThat(survivor.getMap("wedding_data").size()).isEqualTo(200);
    }

    @Test
    void losingTheOwnerAndTheBackupOfAPartitionAtOnceIsCountedPerMap() {
        HazelcastInstance survivor = start(new ClusterEventListener());
        HazelcastInstance first = start(new ClusterEventListener());
        HazelcastInstance second = start(new ClusterEventListener());
        fill(survivor);
        MapPartitionLosses losses = new MapPartitionLosses(survivor, CatalogLoader.loadDefault());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        losses.bindTo(registry);

        first.getLifecycleService().terminate();
        second.getLifecycleService().terminate();

        // vendor_responses keeps one backup: the partitions that lived on the two killed
        // members are gone.
        await().atMost(WITHIN).until(() -> losses.total() > 0);
        assertThat(registry.get("grid.map.partitions.lost").tag("map", "vendor_responses").functionCounter().count())
            .isPositive();
        losses.close();
    }

    private void fill(HazelcastInstance member) {
        await().atMost(WITHIN).until(() -> member.getPartitionService().isClusterSafe());
        for (int i = 0; i < 200; i++) {
            member.getMap("wedding_data").set(new WeddingKey("w-" + i, "timeline"), "t" + i);
            member.getMap("vendor_responses").set(new WeddingKey("w-" + i, "florist"), "r" + i);
        }
        await().atMost(WITHIN).until(() -> member.getPartitionService().isClusterSafe());
    }

    private HazelcastInstance start(ClusterEventListener listener) {
        Config config = this.loopback.memberConfig((member) -> member.memoryLimitBytes(64L << 20));
        config.addListenerConfig(new ListenerConfig(listener));
        return this.loopback.startMember(config);
    }

}

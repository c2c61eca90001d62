package com.wedsync.grid.node.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * The member-side listener and the readiness indicator on real members over loopback: a
 * second member joining starts a migration that the listener counts down to zero, after
 * which both members are ready.
 */
class ClusterEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("events").portSpan(2).build();

    private final List<LocalSafety> safeties = new ArrayList<>();

    @AfterEach
    void shutDown() {
        this.safeties.forEach(LocalSafety::close);
        this.loopback.close();
    }

    @Test
    void aJoiningMemberIsCountedMigratedAndThenReady() {
        SimpleMeterRegistry firstRegistry = new SimpleMeterRegistry();
        ClusterEventListener firstEvents = new ClusterEventListener();
        firstEvents.bindTo(firstRegistry);
        HazelcastInstance first = start(firstEvents);
        GridReadinessIndicator firstReadiness = readiness(first, firstEvents);
        for (int i = 0; i < 2_000; i++) {
            first.getMap("wedding_data").set(new WeddingKey("w-" + (i % 50), "item-" + i), "v" + i);
        }
        await().atMost(TIMEOUT).until(() -> firstReadiness.health().getStatus().equals(Status.UP));

        ClusterEventListener secondEvents = new ClusterEventListener();
        HazelcastInstance second = start(secondEvents);
        GridReadinessIndicator secondReadiness = readiness(second, secondEvents);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(firstRegistry.get("grid.migrations").tag("result", "completed").functionCounter().count())
                .isPositive();
            assertThat(firstRegistry.get("grid.migrations.remaining").gauge().value()).isZero();
            assertThat(firstReadiness.health().getStatus()).isEqualTo(Status.UP);
            assertThat(secondReadiness.health().getStatus()).isEqualTo(Status.UP);
        });
        assertThat(firstReadiness.health().getDetails()).containsEntry("clusterSize", 2);
        assertThat(second.getMap("wedding_data").size()).isEqualTo(2_000);
        assertThat(firstRegistry.get("grid.partitions.lost").functionCounter().count()).isZero();
    }

    @Test
    void aMemberThatLeavesIsCountedAsRemovedByTheOthers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClusterEventListener events = new ClusterEventListener();
        events.bindTo(registry);
        start(events);
        HazelcastInstance second = start(new ClusterEventListener());
        assertThat(registry.get("grid.cluster.members.removed").functionCounter().count()).isZero();

        second.shutdown();

        await().atMost(TIMEOUT)
            .until(() -> registry.get("grid.cluster.members.removed").functionCounter().count() == 1);
    }

    @Test
    void aMemberThatHasShutDownIsOutOfService() {
        ClusterEventListener events = new ClusterEventListener();
        HazelcastInstance member = start(events);
        GridReadinessIndicator readiness = readiness(member, events);

        member.shutdown();

        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(readiness.health().getDetails()).isEqualTo(Map.of("reason", "member not running"));
    }

    private GridReadinessIndicator readiness(HazelcastInstance member, ClusterEventListener events) {
        LocalSafety safety = LocalSafety.of(member);
        this.safeties.add(safety);
        return new GridReadinessIndicator(member, events, safety);
    }

    private HazelcastInstance start(ClusterEventListener listener) {
        Config config = this.loopback.memberConfig((member) -> member.memoryLimitBytes(64L << 20));
        config.addListenerConfig(new ListenerConfig(listener));
        return this.loopback.startMember(config);
    }

}

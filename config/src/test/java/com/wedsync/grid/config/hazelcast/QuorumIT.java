package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real members on loopback with a quorum of 2: a member alone refuses wedding writes (and
 * only those) and takes them once a second member has joined and sent a heartbeat. The
 * network split itself is SplitBrainIT's (grid-node).
 */
class QuorumIT {

    private static final WeddingKey KEY = new WeddingKey("w-2026-06-13-quorum", "timeline");

    private LoopbackGrid grid;

    @AfterEach
    void terminateMembers() {
        if (this.grid != null) {
            this.grid.close();
        }
    }

    @Test
    void aMemberBelowTheQuorumRefusesWeddingWritesUntilASecondMemberJoins() {
        this.grid = LoopbackGrid.builder()
            .name("quorum")
            .portSpan(2)
            .member((member) -> member.portAutoIncrement(false)
                .memoryLimitBytes(64 * HazelcastConfigFactory.MIB)
                .quorum(new Quorum(2, Duration.ofSeconds(3))))
            .config((config) -> config.setProperty("hazelcast.heartbeat.interval.seconds", "1"))
            .build();
        HazelcastInstance first = this.grid.startMember();

        assertThatThrownBy(() -> first.getMap("wedding_data").set(KEY, "alone"))
            .isInstanceOf(SplitBrainProtectionException.class)
            .hasMessageContaining(HazelcastConfigFactory.QUORUM_NAME);
        assertThat(first.getMap("wedding_data").get(KEY)).as("reads are not protected").isNull();
        first.getMap("vendor_responses").set(KEY, "a vendor response is not protected");

        this.grid.startMember(this.grid.memberConfig((member) -> member.port(this.grid.basePort() + 1)));
        await("the second member counts towards the quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsInstanceOf(SplitBrainProtectionException.class)
            .untilAsserted(() -> first.getMap("wedding_data").set(KEY, "two members"));
        assertThat(first.getMap("wedding_data").get(KEY)).isEqualTo("two members");
    }

}

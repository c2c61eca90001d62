package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real members on loopback with a quorum of 2: a member alone refuses wedding writes (and only those) and takes them
 * once a second member has joined and sent a heartbeat. The network split itself is SplitBrainIT's (grid-node).
 */
class QuorumIT {

    private static final WeddingKey KEY = new WeddingKey("w-2026-06-13-quorum", "timeline");

    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void terminateMembers() {
        this.members.forEach((member) -> member.getLifecycleService().terminate());
    }

    @Test
    void aMemberBelowTheQuorumRefusesWeddingWritesUntilASecondMemberJoins() {
        List<String> addresses = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        MemberSettings settings = MemberSettings.loopback("quorum-" + UUID.randomUUID(), 64 * HazelcastConfigFactory.MIB)
            .withMembers(addresses)
            .withQuorum(new Quorum(2, Duration.ofSeconds(3)));
        HazelcastInstance first = start(settings, addresses.get(0));

        assertThatThrownBy(() -> first.getMap("wedding_data").set(KEY, "alone"))
            .isInstanceOf(SplitBrainProtectionException.class)
            .hasMessageContaining(HazelcastConfigFactory.QUORUM_NAME);
        assertThat(first.getMap("wedding_data").get(KEY)).as("reads are not protected").isNull();
        first.getMap("vendor_responses").set(KEY, "a vendor response is not protected");

        start(settings, addresses.get(1));
        await("the second member counts towards the quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsInstanceOf(SplitBrainProtectionException.class)
            .untilAsserted(() -> first.getMap("wedding_data").set(KEY, "two members"));
        assertThat(first.getMap("wedding_data").get(KEY)).isEqualTo("two members");
    }

    private HazelcastInstance start(MemberSettings settings, String address) {
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        Config config = HazelcastConfigFactory.memberConfig(CatalogLoader.loadDefault(), settings.withPort(port, false));
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(1);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        this.members.add(member);
        return member;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

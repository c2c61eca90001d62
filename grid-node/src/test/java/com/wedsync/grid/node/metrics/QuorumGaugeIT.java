package com.wedsync.grid.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import com.wedsync.grid.config.hazelcast.Quorum;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * {@code grid_cluster_quorum_present} on real members over loopback: 0 while a member with a quorum of 2 is alone,
 * 1 once a second member counts, and 1 on a member without a quorum (it takes every write).
 */
class QuorumGaugeIT {

    private static final long MEMORY = 64 * HazelcastConfigFactory.MIB;

    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void terminateMembers() {
        this.members.forEach((member) -> member.getLifecycleService().terminate());
    }

    @Test
    void theGaugeIsZeroWhileAMemberIsBelowItsQuorumAndOneOnceASecondMemberCounts() {
        List<String> addresses = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        MemberSettings settings = MemberSettings.loopback("quorum-gauge-" + UUID.randomUUID(), MEMORY)
            .withMembers(addresses)
            .withQuorum(new Quorum(2, Duration.ofSeconds(3)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ClusterMetricsBinder(start(settings, addresses.get(0))).bindTo(registry);

        await("a lone member reports no quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> quorumPresent(registry) == 0);
        start(settings, addresses.get(1));
        await("the second member counts towards the quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> quorumPresent(registry) == 1);
    }

    @Test
    void aMemberWithoutAQuorumTakesProtectedWritesAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String address = "127.0.0.1:" + freePort();
        MemberSettings settings = MemberSettings.loopback("no-quorum-" + UUID.randomUUID(), MEMORY)
            .withMembers(List.of(address));
        new ClusterMetricsBinder(start(settings, address)).bindTo(registry);

        assertThat(quorumPresent(registry)).isEqualTo(1);
    }

    private static double quorumPresent(SimpleMeterRegistry registry) {
        return registry.get("grid.cluster.quorum.present").gauge().value();
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

package com.wedsync.grid.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.Quorum;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.member.LocalSafety;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code grid_cluster_quorum_present} on real members over loopback: 0 while a member
 * with a quorum of 2 is alone, 1 once a second member counts, and 1 on a member without a
 * quorum (it takes every write).
 */
class QuorumGaugeIT {

    private static final long MEMORY = 64 * HazelcastConfigFactory.MIB;

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("quorum-gauge").portSpan(2).build();

    private final List<LocalSafety> safeties = new ArrayList<>();

    @AfterEach
    void terminateMembers() {
        this.safeties.forEach(LocalSafety::close);
        this.loopback.close();
    }

    @Test
    void theGaugeIsZeroWhileAMemberIsBelowItsQuorumAndOneOnceASecondMemberCounts() {
        Quorum quorum = new Quorum(2, Duration.ofSeconds(3));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder(start(this.loopback.memberConfig((member) -> member.port(this.loopback.basePort())
            .portAutoIncrement(false)
            .memoryLimitBytes(MEMORY)
            .quorum(quorum)))).bindTo(registry);

        await("a lone member reports no quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> quorumPresent(registry) == 0);
        start(this.loopback.memberConfig((member) -> member.port(this.loopback.basePort() + 1)
            .portAutoIncrement(false)
            .memoryLimitBytes(MEMORY)
            .quorum(quorum)));
        await("the second member counts towards the quorum").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> quorumPresent(registry) == 1);
    }

    @Test
    void aMemberWithoutAQuorumTakesProtectedWritesAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder(start(this.loopback.memberConfig(
                (member) -> member.port(this.loopback.basePort()).portAutoIncrement(false).memoryLimitBytes(MEMORY))))
            .bindTo(registry);

        assertThat(quorumPresent(registry)).isEqualTo(1);
    }

    private static double quorumPresent(SimpleMeterRegistry registry) {
        return registry.get("grid.cluster.quorum.present").gauge().value();
    }

    private ClusterMetricsBinder binder(HazelcastInstance member) {
        LocalSafety safety = LocalSafety.of(member);
        this.safeties.add(safety);
        return new ClusterMetricsBinder(member, safety);
    }

    private HazelcastInstance start(Config config) {
        // heartbeats every second, so that the quorum's 3 s tolerance sees the second
        // member soon
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(1);
        return this.loopback.startMember(config);
    }

}

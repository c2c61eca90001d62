package com.wedsync.grid.config.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.hazelcast.config.Config;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one test grid: it forms on its own ports and name, applies its builder's changes
 * and closes everything.
 */
class LoopbackGridIT {

    @Test
    void startFormsASafeClusterOfItsOwnOnTheSpan() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("testkit").portSpan(4).start(2)) {
            assertThat(grid.clusterName()).startsWith("testkit-");
            assertThat(grid.addresses()).hasSize(4).allMatch((address) -> address.startsWith("127.0.0.1:"));
            assertThat(grid.members()).hasSize(2)
                .allMatch((member) -> member.getCluster().getMembers().size() == 2)
                .allMatch((member) -> member.getConfig().getClusterName().equals(grid.clusterName()));
            assertThat(grid.memberAddresses()).allMatch((address) -> grid.addresses().contains(address))
                .doesNotHaveDuplicates();
        }
    }

    @Test
    void startOfNoMemberIsRefusedAtOnceRatherThanWaitingForAClusterThatCannotForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackGrid.builder().name("testkit").start(0))
            .withMessage("count (0) must be at least 1; build() makes a grid with no member yet");
    }

    @Test
    void aMemberConfigurationCarriesTheGridTheBuilderAndTheCallersChanges() {
        try (LoopbackGrid grid = LoopbackGrid.builder()
            .name("testkit")
            .portSpan(3)
            .member((settings) -> settings.memoryLimitBytes(64L << 20))
            .config((config) -> config.setProperty("hazelcast.heartbeat.interval.seconds", "1"))
            .build()) {
            Config config = grid
                .memberConfig((settings) -> settings.port(grid.basePort() + 2).portAutoIncrement(false));

            TcpIpConfig tcpIp = config.getNetworkConfig().getJoin().getTcpIpConfig();
            assertThat(config.getClusterName()).isEqualTo(grid.clusterName());
            assertThat(tcpIp.getMembers()).containsExactlyElementsOf(grid.addresses());
            assertThat(tcpIp.getConnectionTimeoutSeconds()).isEqualTo(1);
            assertThat(config.getNetworkConfig().getPort()).isEqualTo(grid.basePort() + 2);
            assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
            assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
            assertThat(grid.memberSettings().memoryLimitBytes()).isEqualTo(64L << 20);
            assertThat(grid.members()).as("build() starts nothing").isEmpty();
        }
    }

    @Test
    void closeClosesResourcesInReverseOrderWhileMembersStillRunThenTerminatesTheMembers() {
        List<String> closed = new ArrayList<>();
        LoopbackGrid grid = LoopbackGrid.builder().name("testkit").start(1);
        HazelcastInstance member = grid.member(0);
        grid.closeWith(() -> closed.add("first, member running: " + member.getLifecycleService().isRunning()));
        grid.closeWith(() -> closed.add("second"));

        grid.close();

        assertThat(closed).containsExactly("second", "first, member running: true");
        assertThat(member.getLifecycleService().isRunning()).isFalse();
    }

    @Test
    void aResourceThatFailsToCloseStillLetsTheMembersStopAndItsFailureIsRethrown() {
        LoopbackGrid grid = LoopbackGrid.builder().name("testkit").start(1);
        HazelcastInstance member = grid.member(0);
        grid.closeWith(() -> {
            throw new IllegalStateException("client stuck");
        });

        assertThatIllegalStateException().isThrownBy(grid::close)
            .withMessageContaining(grid.clusterName())
            .havingCause()
            .withMessage("client stuck");
        assertThat(member.getLifecycleService().isRunning()).isFalse();
    }

    @Test
    void anAwaitThatIsNotReachedFailsNamingTheClusterAndTheTimeout() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("testkit").timeout(Duration.ofMillis(300)).start(1)) {
            assertThatIllegalStateException().isThrownBy(() -> grid.awaitSize(2))
                .withMessage("cluster " + grid.clusterName() + " of 2 members: not reached within PT0.3S");
        }
    }

    @Test
    void badBuilderValuesAreRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackGrid.builder().portSpan(0))
            .withMessage("portSpan (0) must be between 1 and 64");
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackGrid.builder().timeout(Duration.ZERO))
            .withMessage("timeout (PT0S) must be positive");
    }

}

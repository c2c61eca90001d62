package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three grid-node processes under a fixed rate of wedding-data writes and reads; one is sent SIGKILL (no shutdown
 * hook, no hand-over). Every acknowledged write must still be readable, the client must see no error (its
 * operations are retried), and writes must not stall for more than a second. The member then starts again on the
 * same ports, the cluster rebalances until it is safe, and every acknowledged write is read back again. The full
 * form ({@code -Dchaos.full=true}) runs three cycles and kills the master too. Figures print as {@code [chaos]}.
 */
class MemberLossIT {

    /** The member-loss target: the longest a write may stall. */
    static final Duration STALL_TARGET = Duration.ofSeconds(1);

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void aKilledMemberLosesNoAcknowledgedWriteAndStallsWritesUnderASecond() throws InterruptedException {
        ChaosProfile profile = ChaosProfile.current();
        ChaosCluster cluster = ChaosCluster.start(nodes, "loss", 3, Map.of());
        ChaosLedger ledger = new ChaosLedger();
        try (GridClient client = GridClient.connect(cluster.clientSettings(), new SimpleMeterRegistry())) {
            CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
            for (int cycle = 0; cycle < profile.cycles(); cycle++) {
                // The newest member first (as the loadtest's failover scenario), then the master, then the other.
                int victim = new int[] { 2, 0, 1 }[cycle % 3];
                long before = ledger.size();
                ChaosLoad load = ChaosLoad.start(region, ledger, profile.load());
                await("writes before the fault").atMost(Duration.ofSeconds(30))
                    .until(() -> ledger.size() - before >= profile.writesBeforeFault());
                load.markFault();
                System.out.printf("[chaos] member-loss cycle %d: SIGKILL to member %d at %s%n", cycle, victim,
                        java.time.Instant.now());
                assertThat(cluster.kill(victim)).as("exit code after SIGKILL").isEqualTo(137);
                ChaosLoad.Result result = load.finish();
                ChaosLedger.Verification afterLoss = verify(cluster, ledger);
                System.out.printf("[chaos] member-loss cycle %d (SIGKILL member %d of 3): %s; read back: %s%n", cycle,
                        victim, result, afterLoss);

                Duration safe = timed(() -> cluster.restart(victim), cluster);
                ChaosLedger.Verification afterRestart = verify(cluster, ledger);
                System.out.printf("[chaos] member-loss cycle %d: member %d restarted, cluster safe %.1f s after the "
                        + "restart; read back: %s%n", cycle, victim, safe.toMillis() / 1e3, afterRestart);

                assertThat(afterLoss.lost()).as("acknowledged writes lost after the kill: %s", afterLoss).isZero();
                assertThat(afterRestart.lost()).as("lost after the restart: %s", afterRestart).isZero();
                assertThat(result.wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
                assertThat(result.errors()).as("client errors").isEmpty();
                assertThat(result.longestStall()).as("longest write stall: %s", result).isLessThanOrEqualTo(STALL_TARGET);
            }
        }
    }

    static ChaosLedger.Verification verify(ChaosCluster cluster, ChaosLedger ledger) {
        // A client of its own: its near cache has never seen these keys, so every answer comes from a member.
        try (GridClient fresh = GridClient.connect(cluster.clientSettings(), new SimpleMeterRegistry())) {
            return ledger.verify(fresh.region(DataClass.WEDDING_DATA, String.class));
        }
    }

    private static Duration timed(Runnable restart, ChaosCluster cluster) {
        long start = System.nanoTime();
        restart.run();
        cluster.awaitSafe();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

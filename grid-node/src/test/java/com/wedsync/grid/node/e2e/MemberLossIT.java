package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three grid-node processes under a fixed rate of wedding-data writes and reads; one is
 * sent SIGKILL (no shutdown hook, no hand-over). Every acknowledged write must still be
 * readable, the client must see no error (its operations are redone), and no write may
 * stall for more than {@link #STALL_BOUND} (asserted; the 1 s target is printed beside
 * the longest stall, not asserted). The member then starts again on the same ports, the
 * cluster rebalances until it is safe, and every acknowledged write is read back again.
 * The full form ({@code -Dchaos.full=true}) runs three cycles and kills the master too.
 * Figures print as {@code [chaos]}.
 */
class MemberLossIT {

    /** The member-loss target: the longest a write may stall. */
    static final Duration STALL_TARGET = Duration.ofSeconds(1);

    /**
     * The longest stall asserted. A stall is measured in this JVM, so it includes its GC
     * pauses and scheduling gaps on a loaded 2-core machine (919 ms was recorded on a
     * master kill), which the 1 s target leaves no room for. 2.5 s still catches the
     * regression the target guards against: a write waiting out the client's 5 s
     * backup-ack timeout.
     */
    static final Duration STALL_BOUND = Duration.ofMillis(2500);

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void aKilledMemberLosesNoAcknowledgedWriteAndStallsWritesAtMost2500Ms() throws InterruptedException {
        ChaosCluster cluster = ChaosCluster.start(nodes, "loss", 3, Map.of());
        cluster.runCycles(ChaosProfile.current(), cluster::kill, (cycle) -> {
            ChaosLedger.Verification afterLoss = cluster.verify(cycle.ledger());
            System.out.printf("[chaos] member-loss cycle %d (SIGKILL member %d of 3): %s; read back: %s%n",
                    cycle.number(), cycle.member(), cycle.result(), afterLoss);
            Duration safe = cluster.restart(cycle.member());
            ChaosLedger.Verification afterRestart = cluster.verify(cycle.ledger());
            System.out.printf(
                    "[chaos] member-loss cycle %d: member %d restarted, cluster safe %.1f s after the "
                            + "launch; read back: %s%n",
                    cycle.number(), cycle.member(), safe.toMillis() / 1e3, afterRestart);

            assertThat(cycle.exitCode()).as("exit code after SIGKILL").isEqualTo(137);
            assertThat(afterLoss.lost()).as("acknowledged writes lost after the kill: %s", afterLoss).isZero();
            assertThat(afterRestart.lost()).as("lost after the restart: %s", afterRestart).isZero();
            assertThat(cycle.result().wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
            assertThat(cycle.result().errors()).as("client errors").isEmpty();
            System.out.printf("[chaos] member-loss cycle %d: longest write stall %d ms (target %d ms, bound %d ms)%n",
                    cycle.number(), cycle.result().longestStall().toMillis(), STALL_TARGET.toMillis(),
                    STALL_BOUND.toMillis());
            assertThat(cycle.result().longestStall()).as("longest write stall: %s", cycle.result())
                .isLessThanOrEqualTo(STALL_BOUND);
        });
    }

}

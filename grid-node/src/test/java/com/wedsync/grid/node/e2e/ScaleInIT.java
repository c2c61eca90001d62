package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scale-in under load: one of three grid-node processes gets SIGTERM, hands its partitions over (the GRACEFUL
 * shutdown-hook policy, bounded by {@code GRID_SHUTDOWN_TIMEOUT}) and exits. The client must see no error and
 * every acknowledged write must be readable. The full form ({@code -Dchaos.full=true}) starts the member again
 * after each of three scale-ins. Figures print as {@code [chaos]}.
 */
class ScaleInIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void aMemberStoppedWithSigtermUnderLoadCostsNoErrorAndNoEntry() throws InterruptedException {
        ChaosProfile profile = ChaosProfile.current();
        ChaosCluster cluster = ChaosCluster.start(nodes, "scale-in", 3, Map.of());
        cluster.runCycles(profile, cluster::terminate, (cycle) -> {
            ChaosLedger.Verification afterScaleIn = cluster.verify(cycle.ledger());
            System.out.printf("[chaos] scale-in cycle %d (SIGTERM member %d of 3, exit %d after %d ms): %s; read "
                    + "back: %s%n", cycle.number(), cycle.member(), cycle.exitCode(), cycle.faultTook().toMillis(),
                    cycle.result(), afterScaleIn);

            assertThat(cycle.exitCode()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(cluster.member(cycle.member()).stdout()).contains("event=member_left handed_over=");
            assertThat(afterScaleIn.lost()).as("acknowledged writes lost: %s", afterScaleIn).isZero();
            assertThat(cycle.result().wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
            assertThat(cycle.result().errors()).as("client errors").isEmpty();
            if (cycle.number() + 1 < profile.cycles()) {
                cluster.restart(cycle.member());
            }
        });
    }
}

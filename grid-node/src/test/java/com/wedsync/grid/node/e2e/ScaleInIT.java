package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scale-in under load: one of three grid-node processes gets SIGTERM, hands its
 * partitions over (the GRACEFUL shutdown-hook policy, bounded by
 * {@code GRID_SHUTDOWN_TIMEOUT}) and exits. The client must see no error and every
 * acknowledged write must be readable. The full form ({@code -Dchaos.full=true}) starts
 * the member again after each of three scale-ins. Figures print as {@code [chaos]}.
 */
class ScaleInIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    /**
     * The log line of a member that handed its partitions over within the shutdown
     * timeout.
     */
    private static final Pattern HANDED_OVER = Pattern.compile("event=member_left handed_over=(\\d+) to_members=2 ");

    @Test
    void aMemberStoppedWithSigtermUnderLoadCostsNoErrorAndNoEntry() throws InterruptedException {
        ChaosProfile profile = ChaosProfile.current();
        ChaosCluster cluster = ChaosCluster.start(nodes, "scale-in", 3, Map.of());
        cluster.runCycles(profile, cluster::terminate, (cycle) -> {
            ChaosLedger.Verification afterScaleIn = cluster.verify(cycle.ledger());
            System.out.printf(
                    "[chaos] scale-in cycle %d (SIGTERM member %d of 3, exit %d after %d ms): %s; read " + "back: %s%n",
                    cycle.number(), cycle.member(), cycle.exitCode(), cycle.faultTook().toMillis(), cycle.result(),
                    afterScaleIn);

            assertThat(cycle.exitCode()).as("exit code after SIGTERM").isIn(0, 143);
            String stdout = cluster.member(cycle.member()).stdout();
            assertThat(handedOver(stdout))
                .as("partitions handed over to the 2 others within the shutdown timeout (handed_over=unknown or "
                        + "none is no hand-over); the member's log: %s", memberLeft(stdout))
                .isPositive();
            assertThat(afterScaleIn.lost()).as("acknowledged writes lost: %s", afterScaleIn).isZero();
            assertThat(cycle.result().wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
            assertThat(cycle.result().errors()).as("client errors").isEmpty();
            if (cycle.number() + 1 < profile.cycles()) {
                cluster.restart(cycle.member());
            }
        });
    }

    /**
     * Returns how many partitions the member's log says it handed over to 2 others, or -1
     * without that line.
     */
    private static long handedOver(String stdout) {
        Matcher matcher = HANDED_OVER.matcher(stdout);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String memberLeft(String stdout) {
        return stdout.lines().filter((line) -> line.contains("event=member_left")).findFirst().orElse("no member_left");
    }

}

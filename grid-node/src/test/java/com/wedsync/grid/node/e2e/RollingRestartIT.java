package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rolling restart under load, as a deployment rolls a new version out: each of three
 * grid-node processes in turn is sent SIGTERM (it hands its partitions over and exits),
 * started again on its ports, and the next waits until the cluster is safe. Nothing
 * acknowledged may be lost and the client may see no error. Some writes stall during a
 * hand-over, about the owner's wait for backup acknowledgements
 * ({@code hazelcast.operation.backup.timeout.millis}, 1.5 s here): 0.3-2.5 s measured, so
 * no write call may take over {@link #WRITE_CALL_BOUND}. The full form
 * ({@code -Dchaos.full=true}) rolls the cluster twice. Figures print as {@code [chaos]}.
 */
class RollingRestartIT {

    /**
     * The longest write call asserted: the owner's 1.5 s backup timeout
     * (HazelcastConfigFactory) and 3 s for a loaded 2-CPU machine (0.3-2.5 s measured). A
     * longer one would be a write waiting on something else, such as Hazelcast's 5 s
     * default (2.9-5.9 s measured with it).
     */
    static final Duration WRITE_CALL_BOUND = Duration.ofMillis(4500);

    /**
     * The longest a whole roll may take on a loaded 2-CPU machine (each member:
     * hand-over, start, safe).
     */
    static final Duration ROLL_BOUND = Duration.ofMinutes(4);

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void restartingEachOfThreeMembersInTurnLosesNothingFailsNothingAndNoWriteCallTakesOver4500Ms() throws Exception {
        ChaosCluster cluster = ChaosCluster.start(nodes, "rolling", 3, Map.of());
        ChaosProfile profile = ChaosProfile.current();
        int rolls = profile.full() ? 2 : 1;
        ChaosLedger ledger = new ChaosLedger();
        try (GridClient client = GridClient.connect(cluster.clientSettings(), new SimpleMeterRegistry())) {
            ChaosLoad.Settings settings = new ChaosLoad.Settings(profile.load().writers(),
                    profile.load().writesPerSecond(), profile.load().readers(), profile.load().readsPerSecond(),
                    ROLL_BOUND.multipliedBy(rolls).plusMinutes(1));
            ChaosLoad load = ChaosLoad.start(ChaosLoad.Store.of(client.region(DataClass.WEDDING_DATA, String.class)),
                    ledger, settings);
            load.markFault();
            long start = System.nanoTime();
            for (int roll = 0; roll < rolls; roll++) {
                for (int member = 0; member < cluster.size(); member++) {
                    int exit = cluster.terminate(member);
                    assertThat(exit)
                        .as("exit code of member %d after SIGTERM (143: the JVM ran its shutdown hooks)", member)
                        .isIn(0, 143);
                    Duration safe = cluster.restart(member);
                    System.out.printf("[chaos] rolling restart %d: member %d handed over, restarted, cluster safe "
                            + "%.1f s after its launch%n", roll + 1, member, safe.toMillis() / 1e3);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ChaosLoad.Result result = load.stop();
            ChaosLedger.Verification verified = cluster.verify(ledger);
            System.out.printf(
                    "[chaos] rolling restart of 3 members x %d: took %.1f s; %s; longest write call %d ms;"
                            + " read back: %s%n",
                    rolls, took.toMillis() / 1e3, result, result.longestWriteCall().toMillis(), verified);

            assertThat(took).as("the whole roll").isLessThanOrEqualTo(ROLL_BOUND.multipliedBy(rolls));
            assertThat(verified.lost()).as("acknowledged writes lost: %s", verified).isZero();
            assertThat(result.writesAcknowledged()).as("writes acknowledged during the roll").isPositive();
            assertThat(result.wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
            assertThat(result.errors()).as("client errors").isEmpty();
            assertThat(result.longestWriteCall()).as("longest write call: %s", result)
                .isLessThanOrEqualTo(WRITE_CALL_BOUND);
        }
    }

}

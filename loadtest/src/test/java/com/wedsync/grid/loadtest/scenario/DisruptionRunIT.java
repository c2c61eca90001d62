package com.wedsync.grid.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.loadtest.generator.Arrival;
import com.wedsync.grid.loadtest.generator.Progress;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.target.EmbeddedGrid;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Disruptions against a real embedded grid: nothing before their time, then a member
 * joins or dies and the cluster is safe again.
 */
class DisruptionRunIT {

    private static final RunSettings SETTINGS = new RunSettings(1_000, Arrival.CONSTANT, 1, Duration.ofSeconds(2),
            Duration.ofSeconds(9), Duration.ofSeconds(1), 1);

    @Test
    void aScaleOutAddsAMemberAtItsTimeAndTheClusterSettles() {
        try (EmbeddedGrid grid = EmbeddedGrid.start(CatalogLoader.loadDefault(), 1, 64L << 20)) {
            DisruptionRun run = new DisruptionRun("scale-out", new Disruption(Disruption.Kind.SCALE_OUT, 1.0 / 3),
                    Optional.of(grid), SETTINGS);

            // Due at 2 s of warm-up + 3 s: not in the warm-up, not at 4 s.
            run.accept(progress(1, true));
            run.accept(progress(4, false));
            assertThat(run.firedNanos()).isZero();
            run.accept(progress(5, false));
            Map<String, Object> findings = run.finish();

            assertThat(findings).containsEntry("kind", "SCALE_OUT")
                .containsEntry("atSeconds", 5.0)
                .containsEntry("membersBefore", 1)
                .containsEntry("membersAfter", 2)
                .containsKey("secondsUntilSafe");
            assertThat(run.safeAgain()).isTrue();
            assertThat(grid.runningMembers()).isEqualTo(2);
        }
    }

    @Test
    void aFailoverKillsTheNewestMember() {
        try (EmbeddedGrid grid = EmbeddedGrid.start(CatalogLoader.loadDefault(), 2, 64L << 20)) {
            HazelcastInstance newest = grid.members().get(1);
            DisruptionRun run = new DisruptionRun("failover", new Disruption(Disruption.Kind.FAILOVER, 0),
                    Optional.of(grid), SETTINGS);

            run.accept(progress(2, false));
            Map<String, Object> findings = run.finish();

            assertThat(findings).containsEntry("membersBefore", 2).containsEntry("membersAfter", 1);
            assertThat(grid.runningMembers()).isEqualTo(1);
            assertThat(newest.getLifecycleService().isRunning()).isFalse();
        }
    }

    @Test
    void aDisruptionWithoutAGridOfItsOwnIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new DisruptionRun("failover", new Disruption(Disruption.Kind.FAILOVER, 0.5),
                    Optional.empty(), SETTINGS))
            .withMessage("--scenario failover needs a grid it starts itself: use --target grid or grid-l2 without "
                    + "--members");
    }

    @Test
    void aRunThatEndsBeforeTheDisruptionSaysSo() {
        try (EmbeddedGrid grid = EmbeddedGrid.start(CatalogLoader.loadDefault(), 1, 64L << 20)) {
            DisruptionRun run = new DisruptionRun("scale-out", new Disruption(Disruption.Kind.SCALE_OUT, 0.9),
                    Optional.of(grid), SETTINGS);

            run.accept(progress(5, false));

            assertThat(run.finish()).containsEntry("error", "the run ended before the disruption");
            assertThat(grid.runningMembers()).isEqualTo(1);
        }
    }

    private static Progress progress(long seconds, boolean warmup) {
        return new Progress(Duration.ofSeconds(seconds), warmup, 0, 0, 0, 0);
    }

}

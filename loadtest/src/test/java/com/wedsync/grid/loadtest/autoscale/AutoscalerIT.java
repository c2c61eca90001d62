package com.wedsync.grid.loadtest.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.loadtest.nodes.NodeFleet;
import com.wedsync.grid.loadtest.nodes.NodeLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scale-in with real {@code grid-node.jar} processes: two idle members, an advisor
 * without a stabilisation window, clocks at a Wednesday noon (no peak near), and the
 * autoscaler stops the newest member by SIGTERM once the advice falls to 1; it leaves and
 * the cluster the oldest member sees shrinks. About 40 s: two member starts.
 */
class AutoscalerIT {

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).getParent();

    private static final Path NODE_JAR = CHECKOUT.resolve("grid-node/target/grid-node.jar");

    @BeforeAll
    static void needsThePackagedMember() {
        boolean built = Files.isReadable(NODE_JAR);
        if (!built && Boolean.parseBoolean(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + NODE_JAR + " is missing: run mvn verify at the root");
        }
        Assumptions.assumeTrue(built, "skipped: " + NODE_JAR + " is built by mvn verify at the root");
    }

    @Test
    void anIdleSecondMemberIsStoppedGracefullyWhenTheAdviceFalls(@TempDir Path logs) {
        // A Wednesday noon on the members' clocks: no peak within the lead time.
        Instant now = Instant.now();
        Instant wednesday = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
            .atTime(12, 0)
            .toInstant(ZoneOffset.UTC);
        NodeLaunch launch = new NodeLaunch(2, CHECKOUT.resolve("grid-node/bin/grid-node"), NODE_JAR,
                Path.of(System.getProperty("java.home")), 1024, 256,
                List.of("-Dgrid.clock.offset=" + Duration.between(now, wednesday).toSeconds() + "s",
                        "-Dgrid.monitor.interval=1s", "-Dgrid.scaling.scale-in-stabilization=0s",
                        "-Dgrid.scaling.lead-time=1m", "-Dgrid.scaling.load-window=5s"),
                Duration.ofSeconds(120), logs);
        try (NodeFleet fleet = NodeFleet.start(launch);
                Autoscaler autoscaler = Autoscaler.following(new FleetScaling(fleet, Duration.ofSeconds(60)),
                        new AutoscalePolicy(1, 2, Duration.ofSeconds(1)), Duration.ofMillis(500), Clock.systemUTC())) {
            autoscaler.start();

            await("the newest member stopped").atMost(Duration.ofSeconds(90))
                .until(() -> autoscaler.events().stream().anyMatch((e) -> e.kind().equals("left")));

            assertThat(autoscaler.events()).extracting(ScalingEvent::kind)
                .containsSubsequence("desired", "stop-requested", "stopping", "left");
            assertThat(autoscaler.events()).filteredOn((e) -> e.kind().equals("left"))
                .singleElement()
                .satisfies((e) -> assertThat(e.detail()).isEqualTo("member-2"));
            assertThat(fleet.members()).extracting(NodeFleet.Member::name).containsExactly("member-1");
            await("the oldest member sees one member").atMost(Duration.ofSeconds(30))
                .until(() -> fleet.read(fleet.members().get(0), "/actuator/scaling").contains("\"current\":1"));
        }
    }

}

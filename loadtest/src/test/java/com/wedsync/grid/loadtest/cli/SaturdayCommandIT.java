package com.wedsync.grid.loadtest.cli;

import static com.wedsync.grid.loadtest.cli.CommandFixtures.list;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.map;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.nodeProcesses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code saturday} with real {@code grid-node.jar} processes, compressed to about a
 * minute: the members' clocks are set to Friday night, so the advisor's Saturday rule
 * (twice an ordinary day's members) raises the desired members although the load alone
 * needs one; the autoscaler starts a member a provisioning delay later, it joins, and the
 * report has it. It cannot pass unless the clock offset reaches the advisor and the
 * autoscaler acts on the advice. About 90 s: two member starts and the compressed ramp
 * (the hold long enough for a member to start under load on 2 busy cores), with the
 * monitor sampling every second.
 */
class SaturdayCommandIT {

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).getParent();

    private static final Path NODE_JAR = CHECKOUT.resolve("grid-node/target/grid-node.jar");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void needsThePackagedMember() {
        boolean built = Files.isReadable(NODE_JAR);
        if (!built && Boolean.parseBoolean(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + NODE_JAR + " is missing: run mvn verify at the root");
        }
        Assumptions.assumeTrue(built, "skipped: " + NODE_JAR + " is built by mvn verify at the root");
    }

    @Test
    void theAdvisorsClusterGainsAMemberBeforeTheSaturdayAndTheReportShowsItJoin(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("saturday", "--clusters", "advisor", "--ordinary-rate", "200", "--member-capacity", "1000",
                    "--max-members", "2", "--lead-time", "1m", "--load-window", "5s", "--provisioning-delay", "3s",
                    "--warmup", "2s", "--hold", "30s", "--ramp", "5s", "--top", "5s", "--fall", "5s", "--tail", "2s",
                    "--setup-allowance", "35s", "--threads", "2", "--workload", "mix=wedding;weddings=5",
                    "--node-jvm-option=-Dgrid.monitor.interval=1s", "--out", out.toString());

        assertThat(exit).isZero();
        Map<String, Object> report = map(JSON.readValue(out.resolve("saturday.json").toFile(), Map.class));
        Map<String, Object> run = map(list(report.get("runs")).get(0));
        assertThat(run.get("mode")).isEqualTo("advisor");
        List<Map<String, Object>> events = list(run.get("events")).stream().map(CommandFixtures::map).toList();
        assertThat(events).extracting((e) -> e.get("kind"))
            .containsSubsequence("desired", "start-requested", "starting", "joined");
        Map<String, Object> raised = events.stream()
            .filter((e) -> e.get("kind").equals("desired") && e.get("desired").equals(2))
            .findFirst()
            .orElseThrow();
        assertThat((String) raised.get("detail")).as("the Saturday rule, seen through the shifted clock")
            .contains("Saturday");
        Map<String, Object> requested = kind(events, "start-requested");
        Map<String, Object> starting = kind(events, "starting");
        assertThat(Duration.between(Instant.parse((String) requested.get("at")),
                Instant.parse((String) starting.get("at"))))
            .as("the provisioning delay")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        Map<String, Object> joined = kind(events, "joined");
        assertThat(joined.get("detail")).isEqualTo("member-2");
        assertThat(joined.get("members")).isEqualTo(2);
        assertThat(list(run.get("timeline"))).extracting((p) -> map(p).get("members")).contains(2);
        assertThat(((Number) map(run.get("peakLatencyMicros")).get("count")).longValue()).isPositive();
        assertThat(out.resolve("advisor/nodes/member-2.log")).isRegularFile();
        assertThat(Files.readString(out.resolve("saturday.html"))).contains("p99 through the peak", "member-2");
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    private static Map<String, Object> kind(List<Map<String, Object>> events, String kind) {
        return events.stream().filter((e) -> e.get("kind").equals(kind)).findFirst().orElseThrow();
    }

}

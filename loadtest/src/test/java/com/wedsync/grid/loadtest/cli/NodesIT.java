package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.list;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.map;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.nodeProcesses;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --nodes}: members started as separate {@code grid-node.jar} processes through
 * the shipped launcher, the targets run against them interleaved ({@code --repeat}),
 * every process's usage on the record, and nothing left running afterwards, also when the
 * command fails or is interrupted.
 */
class NodesIT {

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).getParent();

    private static final Path NODE_JAR = CHECKOUT.resolve("grid-node/target/grid-node.jar");

    private static final Path LOADTEST_JAR = CHECKOUT.resolve("loadtest/target/loadtest.jar");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void needsThePackagedJars() {
        boolean built = Files.isReadable(NODE_JAR) && Files.isReadable(LOADTEST_JAR);
        if (!built && Boolean.parseBoolean(System.getenv("CI"))) {
            throw new AssertionError(
                    "CI=true but " + NODE_JAR + " or " + LOADTEST_JAR + " is missing: run mvn verify at the root");
        }
        Assumptions.assumeTrue(built,
                "skipped: " + NODE_JAR + " and " + LOADTEST_JAR + " are built by mvn verify at the root");
    }

    @Test
    void compareRepeatsTheTargetsInterleavedAgainstAMemberInItsOwnProcessAndStopsIt(@TempDir Path out)
            throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("compare", "--targets", "grid", "--nodes", "1", "--repeat", "2", "--rate", "1000", "--duration",
                    "2s", "--warmup", "1s", "--workload", "mix=wedding;weddings=5", "--out", out.toString());

        assertThat(exit).isZero();
        Map<String, Object> comparison = map(JSON.readValue(out.resolve("compare.json").toFile(), Map.class));
        List<Object> rows = list(comparison.get("rows"));
        // The generator's floor is added to a repeated comparison.
        assertThat(rows).extracting((row) -> map(row).get("target")).containsExactly("grid", "caffeine");
        assertThat(rows).allSatisfy((row) -> assertThat(map(row).get("runs")).isEqualTo(2));
        Map<String, Object> figures = map(map(rows.get(0)).get("figures"));
        assertThat(figures).containsKeys("p99Micros", "achievedRate", "cpuMillisPer1000Ops", "memberGcMaxMillis");
        assertThat(list(map(figures.get("p99Micros")).get("values"))).hasSize(2);
        assertThat(Files.readString(out.resolve("compare.txt"))).contains("grid-node.jar process",
                "2 interleaved rounds");

        Map<String, Object> report = map(JSON.readValue(out.resolve("round-2/grid/report.json").toFile(), Map.class));
        assertThat((String) report.get("topology")).contains("grid-node.jar");
        List<Object> processes = list(map(report.get("usage")).get("processes"));
        assertThat(processes).extracting((p) -> map(p).get("name")).containsExactly("generator", "member-1");
        Map<String, Object> member = map(processes.get(1));
        assertThat(((Number) member.get("cpuSeconds")).doubleValue()).isPositive();
        assertThat((String) member.get("runtime")).contains("jvm.options", "-Xms1280m");
        assertThat(map(member.get("gcPauses"))).containsKeys("count", "totalMillis", "maxMillisAtMost", "over10Millis");
        assertThat(out.resolve("nodes/member-1.log")).isRegularFile();
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    @Test
    void bulkLoadWritesIntoAMemberInItsOwnProcess(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("bulk-load", "--nodes", "1", "--values", "2000", "--batch", "500", "--out", out.toString());

        assertThat(exit).isZero();
        Map<String, Object> result = map(JSON.readValue(out.resolve("bulk-load.json").toFile(), Map.class));
        assertThat(result).containsEntry("members", 1).containsEntry("values", 2000);
        // One round: its CPU is recorded for the generator and the member, each by its
        // own process.
        Map<String, Object> cpu = map(result.get("cpu"));
        assertThat(cpu).containsEntry("rounds", "1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> processes = (List<Map<String, Object>>) cpu.get("processes");
        assertThat(processes).extracting((process) -> process.get("name")).containsExactly("generator", "member-1");
        // Known (a few ms of work can read as 0.00 s at the kernel's 10 ms tick), where
        // unknown is -1.
        assertThat(processes)
            .allSatisfy((process) -> assertThat(((Number) process.get("cpuSeconds")).doubleValue()).isNotNegative());
        assertThat(out.resolve("nodes/member-1.log")).isRegularFile();
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    @Test
    void badOptionsEndWithANamedErrorBeforeAnythingStarts(@TempDir Path out) throws IOException {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("compare", "--nodes", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("loadtest: --nodes (0) must be between 1 and 9");
        assertThat(commandLine.execute("compare", "--repeat", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("loadtest: --repeat (0) must be between 1 and 50");
        assertThat(commandLine.execute("compare", "--nodes", "1", "--embedded", "2", "--out", out.toString()))
            .isEqualTo(2);
        assertThat(err.toString()).contains("--nodes (1) starts members of its own: leave out --embedded");
        String redis = "redis://127.0.0.1:" + LoopbackPorts.freePort();
        assertThat(commandLine.execute("compare", "--targets", "redis,grid", "--nodes", "1", "--redis", redis, "--out",
                out.toString()))
            .isEqualTo(1);
        assertThat(err.toString()).contains("loadtest: could not connect to Redis at " + redis);
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    @Test
    void aMemberThatFailsOrIsNeverReadyEndsTheCommandWithANamedErrorAndNothingLeftRunning(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("run", "--nodes", "2", "--node-ready-timeout", "1s", "--out", out.toString()))
            .isEqualTo(1);
        assertThat(err.toString()).contains("loadtest: grid-node member-1 was not ready within 1 s (log: ");
        assertThat(commandLine.execute("run", "--nodes", "1", "--node-jvm-option", "-XX:+NoSuchFlagAnywhere", "--out",
                out.toString()))
            .isEqualTo(1);
        assertThat(err.toString()).contains("loadtest: grid-node member-1 exited with code 1 before it was ready");
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    @Test
    void ctrlCStopsTheMembersTheCommandStarted(@TempDir Path out) throws Exception {
        Path log = out.resolve("loadtest.log");
        Process loadtest = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", LOADTEST_JAR.toString(), "run", "--nodes", "1", "--rate", "500", "--duration", "120s",
                "--warmup", "1s", "--workload", "mix=wedding;weddings=5", "--out", out.resolve("run").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        try {
            await("the run under way").atMost(Duration.ofSeconds(120))
                .failFast("loadtest exited", () -> !loadtest.isAlive())
                .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("preloaded"));
            List<ProcessHandle> members = nodeProcesses(loadtest.toHandle());
            assertThat(members).hasSize(1);

            // What a terminal's Ctrl-C sends.
            new ProcessBuilder("kill", "-INT", Long.toString(loadtest.pid())).start().waitFor();

            await("loadtest exited").atMost(Duration.ofSeconds(30)).until(() -> !loadtest.isAlive());
            await("its member stopped").atMost(Duration.ofSeconds(30))
                .until(() -> members.stream().noneMatch(ProcessHandle::isAlive));
        }
        finally {
            loadtest.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            loadtest.destroyForcibly();
        }
    }

}

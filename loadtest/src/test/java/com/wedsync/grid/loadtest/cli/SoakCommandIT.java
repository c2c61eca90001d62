package com.wedsync.grid.loadtest.cli;

import static com.wedsync.grid.loadtest.cli.CommandFixtures.list;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.map;
import static com.wedsync.grid.loadtest.cli.CommandFixtures.nodeProcesses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code soak}, shortened, against a member in its own process: every sample of the
 * client and the member has its figures, no operation failed, the exit code follows the
 * verdict, and the member is stopped afterwards.
 */
class SoakCommandIT {

    private static final Path NODE_JAR = Path.of(System.getProperty("user.dir"))
        .getParent()
        .resolve("grid-node/target/grid-node.jar");

    @BeforeAll
    static void needsTheMemberJar() {
        boolean built = Files.isReadable(NODE_JAR);
        if (!built && Boolean.parseBoolean(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + NODE_JAR + " is missing: run mvn verify at the root");
        }
        Assumptions.assumeTrue(built, "skipped: " + NODE_JAR + " is built by mvn verify at the root");
    }

    @Test
    void aShortSoakSamplesTheClientAndTheMemberAndJudgesThem(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("soak", "--nodes", "1", "--duration", "40s", "--warmup", "10s", "--sample-interval", "5s", "--out",
                    out.toString());

        Map<String, Object> soak = map(
                JsonMapper.builder().build().readValue(out.resolve("soak.json").toFile(), Map.class));
        Map<String, Object> verdict = map(soak.get("verdict"));
        assertThat(exit).as("exit code of verdict %s", verdict)
            .isEqualTo(Boolean.TRUE.equals(verdict.get("pass")) ? 0 : 3);
        assertThat(verdict).containsEntry("errors", 0)
            .containsEntry("abandoned", 0)
            .containsEntry("unreadable", List.of());
        assertThat(list(verdict.get("series"))).extracting((s) -> map(s).get("process") + "/" + map(s).get("series"))
            .containsExactly("client/heapAfterGcBytes", "client/liveThreads", "client/nearCacheEntries",
                    "member-1/heapAfterGcBytes", "member-1/liveThreads", "member-1/ownedEntries");

        List<Object> processes = list(soak.get("processes"));
        assertThat(processes).extracting((p) -> map(p).get("name")).containsExactly("client", "member-1");
        // 0 s, every 5 s to 40 s: 9 samples, the warm-up's end among them.
        List<Map<String, Object>> client = samples(processes.get(0));
        assertThat(client).hasSize(9);
        assertThat(client).allSatisfy((sample) -> assertThat(number(sample, "heapAfterGcBytes")).isPositive())
            .allSatisfy((sample) -> assertThat(number(sample, "liveThreads")).isPositive());
        assertThat(client.subList(1, client.size()))
            .allSatisfy((sample) -> assertThat(number(sample, "nearCacheEntries")).isPositive())
            .allSatisfy((sample) -> assertThat(number(sample, "errors")).isZero());
        assertThat(number(client.get(client.size() - 1), "ops")).isGreaterThan(50_000);
        List<Map<String, Object>> member = samples(processes.get(1));
        assertThat(member).hasSize(9)
            .allSatisfy((sample) -> assertThat(number(sample, "liveThreads")).isPositive())
            .allSatisfy((sample) -> assertThat(number(sample, "ownedEntries")).isPositive())
            .allSatisfy((sample) -> assertThat(number(sample, "heapUsedBytes")).isPositive());
        // Known once the member's collector has run: the preload's writes make it run.
        assertThat(number(member.get(member.size() - 1), "heapAfterGcBytes")).isPositive();

        assertThat(out.resolve("latency.hlog")).isNotEmptyFile();
        assertThat(map(soak.get("load"))).containsEntry("errors", 0);
        assertThat(nodeProcesses(ProcessHandle.current())).isEmpty();
    }

    private static List<Map<String, Object>> samples(Object process) {
        return list(map(process).get("samples")).stream().map(CommandFixtures::map).toList();
    }

    private static double number(Map<String, Object> sample, String series) {
        Object value = sample.get(series);
        assertThat(value).as(series + " in " + sample).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

}

package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short scenario against an embedded 2-member grid, through the command line: it
 * completes, and report.json and the interval log say what happened. Bad options are
 * refused with exit code 2 and a named error.
 */
class RunCommandIT {

    @Test
    void aShortBaselineAgainstAnEmbeddedTwoMemberGridWritesAFullReport(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("run", "--scenario", "baseline", "--embedded", "2", "--rate", "2000", "--duration", "2s",
                    "--warmup", "1s", "--workload", "mix=wedding;weddings=10", "--out", out.toString());

        assertThat(exit).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = JsonMapper.builder()
            .build()
            .readValue(out.resolve("report.json").toFile(), Map.class);
        assertThat(report).containsEntry("scenario", "baseline")
            .containsEntry("target", "grid")
            .containsEntry("members", 2)
            .containsKeys("achievedRate", "latencyMicros", "readHitRates", "criteria", "passed", "machine");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byClass = (Map<String, Map<String, Object>>) report.get("readHitRatesByClass");
        assertThat(byClass).containsKey("wedding_data");
        assertThat(byClass.get("wedding_data")).containsKeys("reads", "L1", "L2", "MISS");
        assertThat(((Number) byClass.get("wedding_data").get("L1")).doubleValue()).isPositive();
        assertThat(((Number) report.get("ops")).longValue()).isBetween(3_000L, 5_000L);
        assertThat(report.get("errors")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> latency = (Map<String, Map<String, Object>>) report.get("latencyMicros");
        assertThat(latency.get("ALL")).containsKeys("count", "p50", "p90", "p95", "p99", "p999", "max");
        assertThat(latency).containsKey("GET/L1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) report.get("criteria");
        assertThat(criteria).extracting((c) -> c.get("name"))
            .contains("errors == 0", "p95 <= 500 us", "p99 <= 1000 us");
        assertThat(Files.size(out.resolve("latency.hlog"))).isPositive();
        assertThat(out.resolve("report.html")).isRegularFile();
    }

    @Test
    void aShortFailoverKillsAMemberAndReadsBackEveryAcknowledgedWeddingWrite(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("run", "--scenario", "failover", "--rate", "1000", "--duration", "6s", "--warmup", "1s",
                    "--workload", "mix=wedding;weddings=10;reads=0.5", "--out", out.toString());

        assertThat(exit).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = JsonMapper.builder()
            .build()
            .readValue(out.resolve("report.json").toFile(), Map.class);
        assertThat(report).containsEntry("members", 3);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> findings = (Map<String, Map<String, Object>>) report.get("findings");
        assertThat(findings.get("disruption")).containsEntry("kind", "FAILOVER")
            .containsEntry("membersBefore", 3)
            .containsEntry("membersAfter", 2)
            .containsKey("secondsUntilSafe");
        assertThat(((Number) findings.get("weddingWrites").get("acknowledged")).longValue()).isPositive();
        assertThat(findings.get("weddingWrites")).containsEntry("lost", 0);
        assertThat(findings.get("retention")).containsEntry("wedding_data", 1.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) report.get("criteria");
        assertThat(criteria).extracting((c) -> c.get("name"))
            .contains("acknowledged wedding writes lost == 0", "cluster safe again within 60 s");
    }

    @Test
    void compareRunsEachTargetAndWritesATableWithRatiosToTheFirst(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("compare", "--targets", "caffeine,grid", "--rate", "1000", "--duration", "1s", "--warmup", "1s",
                    "--workload", "mix=wedding;weddings=5", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(out.resolve("caffeine/report.json")).isRegularFile();
        assertThat(out.resolve("grid/report.json")).isRegularFile();
        @SuppressWarnings("unchecked")
        Map<String, Object> comparison = JsonMapper.builder()
            .build()
            .readValue(out.resolve("compare.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) comparison.get("rows");
        assertThat(rows).extracting((row) -> row.get("target")).containsExactly("caffeine", "grid");
        assertThat(rows.get(0)).containsEntry("rateRatio", 1.0);
        assertThat(Files.readString(out.resolve("compare.txt"))).contains("target", "caffeine", "grid", "p99 us");
    }

    @Test
    void badOptionsAreRefusedWithExitCode2NamingTheOption(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("run", "--scenario", "tuesday", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString())
            .contains("loadtest: --scenario 'tuesday' is not one of [baseline, max-throughput, saturday-spike");
        assertThat(commandLine.execute("run", "--workload", "theta=1.5", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("theta");
        assertThat(commandLine.execute("run", "--rate", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate");
    }

}

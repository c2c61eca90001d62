package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.loadtest.report.RepeatedComparison;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SummarizeCommandTests {

    @Test
    void comparisonsAtSeveralRatesBecomeOneSummaryWithTheHighestRateEachTargetHolds(@TempDir Path dir)
            throws Exception {
        write(dir.resolve("rate-10000"), 10_000, 3_000, 2_000);
        write(dir.resolve("rate-20000"), 20_000, 40_000, 5_000);
        Files.writeString(dir.resolve("about.txt"), "date: today\n");

        int exit = LoadtestCommand.commandLine()
            .execute("summarize", "--about", dir.resolve("about.txt").toString(), "--out", dir.toString(),
                    dir.resolve("rate-10000").toString(), dir.resolve("rate-20000").toString());

        assertThat(exit).isZero();
        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).startsWith("date: today")
            .contains("| grid | 2,000 us | 5,000 us | 20,000 | 2.00 |")
            .contains("### 10,000 ops/s")
            .contains("### 20,000 ops/s");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"capacity\"", "\"comparisons\"");
    }

    @Test
    void aFolderWithoutACompareJsonIsANamedError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("summarize", "--out", dir.toString(), dir.resolve("nothing").toString()))
            .isEqualTo(2);
        assertThat(err.toString()).contains("loadtest: '" + dir.resolve("nothing") + "' has no compare.json");
    }

    private static void write(Path folder, double rate, double redisP99, double gridP99) {
        new RepeatedComparison("baseline", rate, List.of(row("redis", redisP99, rate), row("grid", gridP99, rate)))
            .write(folder, List.of("# rate " + rate));
    }

    private static RepeatedComparison.Row row(String target, double p99, double achieved) {
        return new RepeatedComparison.Row(target, 3, 0,
                Map.of("p99Micros", RepeatedComparison.Summary.of(List.of(p99, p99, p99)), "p50Micros",
                        RepeatedComparison.Summary.of(List.of(1.0)), "achievedRate",
                        RepeatedComparison.Summary.of(List.of(achieved, achieved, achieved))),
                Map.of("p99Micros", 1.0));
    }

}

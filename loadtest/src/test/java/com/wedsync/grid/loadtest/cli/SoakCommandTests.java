package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code soak} refuses bad options with exit code 2 and one line naming the option and
 * the value, before anything starts.
 */
class SoakCommandTests {

    @Test
    void badOptionsAreRefusedWithExitCode2NamingTheOptionAndTheValue(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("soak", "--warmup", "30m", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString())
            .contains("loadtest: --warmup (30m) must not be negative and must be shorter than --duration (30m)");
        assertThat(commandLine.execute("soak", "--max-growth", "ten", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString())
            .contains("loadtest: --max-growth (ten) is not a share; expected for example 10% or 0.1");
        assertThat(commandLine.execute("soak", "--sample-interval", "soon", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("loadtest: --sample-interval (soon) is not a duration");
        assertThat(commandLine.execute("soak", "--rate", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString())
            .contains("loadtest: --rate (0.0) must be a positive number of operations per second");
        assertThat(commandLine.execute("soak", "--nodes", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("loadtest: --nodes (0) must be between 1 and 9");
        assertThat(commandLine.execute("soak", "--workload", "mix=nothing", "--out", out.toString())).isEqualTo(2);
    }

}

package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code saturday} refuses bad options with exit code 2 and one line naming the option
 * and the value, before any member starts.
 */
class SaturdayCommandTests {

    @Test
    void badOptionsAreRefusedWithExitCode2NamingTheOptionAndTheValue(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("saturday", "--saturday", "2026-12-04", "--out", out.toString())).isEqualTo(2);
        assertThat(commandLine.execute("saturday", "--saturday", "next", "--out", out.toString())).isEqualTo(2);
        assertThat(commandLine.execute("saturday", "--clusters", "both", "--out", out.toString())).isEqualTo(2);
        assertThat(commandLine.execute("saturday", "--max-members", "12", "--out", out.toString())).isEqualTo(2);
        assertThat(commandLine.execute("saturday", "--lead-time", "10s", "--out", out.toString())).isEqualTo(2);
        assertThat(commandLine.execute("saturday", "--nodes", "2", "--out", out.toString())).isEqualTo(2);

        assertThat(err.toString().lines().toList()).containsExactly(
                "loadtest: --saturday (2026-12-04) is a friday, not a Saturday",
                "loadtest: --saturday 'next' is not a date such as 2027-06-05",
                "loadtest: --clusters 'both' is not advisor or fixed (write advisor,fixed for both)",
                "loadtest: --max-members (12) must be between --min-members (1) and 9",
                "loadtest: --lead-time (10s) must be between 1m and 2h",
                "loadtest: saturday starts and stops members of its own: leave out --nodes, --members and --embedded");
    }

}

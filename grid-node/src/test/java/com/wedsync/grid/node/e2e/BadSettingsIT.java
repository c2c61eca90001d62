package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node started with a bad setting stops before Spring starts: exit code 2 and one line on standard error that
 * names the variable and its value, with no stack trace.
 */
class BadSettingsIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "GRID_MEMORY_LIMIT, 12qb", "GRID_PORT, abc", "GRID_MEMBERS, 127.0.0.1:99999",
            // larger than the heap the node runs with (-Xmx512m)
            "GRID_MEMORY_LIMIT, 100g", "GRID_MEMORY_LIMIT, 99999999999999999999g", "GRID_MEMORY_LIMIT, 8589934592g" })
    void badSettingStopsTheNodeWithExitCode2AndOneLineNamingIt(String variable, String value) {
        Map<String, String> env = nodes.environment("bad");
        env.put(variable, value);
        NodeProcess node = nodes.start("bad-" + variable + "-" + value.replaceAll("[^A-Za-z0-9]", "_"), env);

        assertStopsWithOneLineNaming(node, variable, value);
    }

    @Test
    void anHttpPortInUseStopsTheNodeBeforeItsMemberJoins() throws IOException {
        Map<String, String> env = nodes.environment("busy");
        try (ServerSocket busy = new ServerSocket(Integer.parseInt(env.get("GRID_HTTP_PORT")))) {
            NodeProcess node = nodes.start("bad-busy-http-port", env);

            assertStopsWithOneLineNaming(node, "GRID_HTTP_PORT", env.get("GRID_HTTP_PORT"));
        }
    }

    private static void assertStopsWithOneLineNaming(NodeProcess node, String variable, String value) {
        int exit = node.awaitExit(Duration.ofSeconds(30));

        String output = node.output();
        assertThat(exit).as("exit code; output:%n%s", output).isEqualTo(2);
        List<String> naming = output.lines().filter((line) -> line.contains(variable)).toList();
        assertThat(naming).as("lines naming %s in:%n%s", variable, output)
            .singleElement()
            .satisfies((line) -> assertThat(line).startsWith("grid-node: cannot start: " + variable + "='" + value + "' "));
        assertThat(node.stderr().lines()).as("standard error").contains(naming.get(0));
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(node.stdout()).as("standard output: Spring never started").isBlank();
    }
}

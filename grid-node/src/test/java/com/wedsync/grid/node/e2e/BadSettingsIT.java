package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node started with a bad setting stops before Spring starts: exit code 2 and one line
 * on standard error that names the variable and its value, with no stack trace.
 */
class BadSettingsIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "GRID_MEMORY_LIMIT, 12qb", "GRID_PORT, abc", "GRID_MEMBERS, 127.0.0.1:99999",
            // larger than the heap the node runs with (-Xmx512m)
            "GRID_MEMORY_LIMIT, 100g", "GRID_MEMORY_LIMIT, 99999999999999999999g", "GRID_MEMORY_LIMIT, 8589934592g",
            // refused by the member's own settings once read, and before the member binds
            "GRID_SHUTDOWN_TIMEOUT, 500ms", "GRID_BIND_ADDRESS, 999.1.1.1",
            // an address of the documentation range (RFC 5737), on none of this machine's
            // interfaces
            "GRID_BIND_ADDRESS, 192.0.2.1" })
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

    @Test
    void aMemberPortRangeAllInUseStopsTheNodeBeforeSpringStarts() throws IOException {
        Map<String, String> env = nodes.environment("busy-member");
        int first = freeRange(100);
        env.put("GRID_PORT", String.valueOf(first));
        List<ServerSocket> busy = new ArrayList<>();
        try {
            for (int port = first; port < first + 100; port++) {
                busy.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            NodeProcess node = nodes.start("bad-busy-member-ports", env);

            assertStopsWithOneLineNaming(node, "GRID_PORT", String.valueOf(first));
        }
        finally {
            for (ServerSocket socket : busy) {
                socket.close();
            }
        }
    }

    /**
     * Finds {@code count} free ports in a row on loopback; another process may take one
     * before the test does (it then fails to set up, it does not pass wrongly).
     */
    private static int freeRange(int count) throws IOException {
        for (int first = 20_000; first < 60_000; first += count) {
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("no " + count + " free ports in a row on loopback");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.getLocalPort();
            }
            catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

    private static void assertStopsWithOneLineNaming(NodeProcess node, String variable, String value) {
        int exit = node.awaitExit(Duration.ofSeconds(30));

        String output = node.output();
        assertThat(exit).as("exit code; output:%n%s", output).isEqualTo(2);
        List<String> naming = output.lines().filter((line) -> line.contains(variable)).toList();
        assertThat(naming).as("lines naming %s in:%n%s", variable, output)
            .singleElement()
            .satisfies((line) -> assertThat(line)
                .startsWith("grid-node: cannot start: " + variable + "='" + value + "' "));
        assertThat(node.stderr().lines()).as("standard error").contains(naming.get(0));
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(node.stdout()).as("standard output: Spring never started").isBlank();
    }

}

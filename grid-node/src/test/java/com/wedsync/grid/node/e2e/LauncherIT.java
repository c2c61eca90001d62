package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bin/grid-node}, the launch every deployment shares: the flags of
 * {@code jvm.options}, then {@code JAVA_OPTS}, on the JVM the launcher execs into; a
 * missing jar is one named line and exit code 2.
 */
class LauncherIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void theLauncherStartsANodeWithTheShippedFlagsFollowedByJavaOpts() {
        Map<String, String> env = nodes.environment("launcher");
        env.put("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        env.put("GRID_NODE_JAR", NodeProcess.jar().toString());
        NodeProcess node = nodes.startWithLauncher("launcher", env);

        node.awaitReady(Duration.ofSeconds(90));

        List<String> shipped = NodeProcess.shippedFlags();
        List<String> arguments = Arrays.asList(node.arguments());
        assertThat(shipped).isNotEmpty();
        assertThat(arguments).containsSubsequence(shipped)
            .containsSubsequence(shipped.get(shipped.size() - 1), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                    NodeProcess.jar().toString());
        // The collector's pauses carry buckets, so pauses over 10 ms can be counted
        // between two scrapes.
        await("a collector pause exported with buckets").atMost(Duration.ofSeconds(30))
            .until(() -> node.get("/actuator/prometheus").body().contains("jvm_gc_pause_seconds_bucket{"));
        assertThat(node.get("/actuator/prometheus").body()).contains("le=\"0.01\"");
        assertThat(node.output()).doesNotContain("event=jvm_settings_differ");
        assertThat(node.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    }

    @Test
    void aNodeStartedWithoutTheShippedFlagsSaysWhichItLacks() {
        NodeProcess node = nodes.start("plain", nodes.environment("plain"),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", NodeProcess.jar().toString()));

        node.awaitReady(Duration.ofSeconds(90));

        String first = NodeProcess.shippedFlags().get(0);
        assertThat(node.output().lines().filter((line) -> line.contains("event=jvm_settings_differ"))).singleElement()
            .satisfies((line) -> assertThat(line).contains(" WARN ", first + " (has "));
    }

    @Test
    void aMissingJarIsOneNamedLineAndExitCode2() {
        Map<String, String> env = nodes.environment("no-jar");
        env.put("GRID_NODE_JAR", NodeProcess.buildDir().resolve("no-such.jar").toString());
        NodeProcess node = nodes.startWithLauncher("no-jar", env);

        assertThat(node.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(node.output().strip())
            .isEqualTo("grid-node: cannot start: " + NodeProcess.buildDir().resolve("no-such.jar")
                    + " is not readable (build with mvn package, or set GRID_NODE_JAR / GRID_JVM_OPTIONS)");
    }

}

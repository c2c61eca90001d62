package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast start the Dockerfile uses: the jar extracted with Spring Boot's tools, a
 * class-data-sharing archive recorded by a training run that exits after the context
 * refresh, and the node started on that archive, both through the shipped launcher with
 * the archive added to its options file, as the image does. {@code -Xshare:on} makes the
 * JVM refuse to start if the archive cannot be used, so readiness proves it was.
 */
class FastStartIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void anExtractedJarWithATrainedArchiveStartsAndServes() throws IOException {
        Path dir = NodeProcess.buildDir().resolve("e2e/cds");
        Path app = dir.resolve("app");
        Path archive = dir.resolve("grid-node.jsa");
        Files.deleteIfExists(archive);
        NodeProcess extract = nodes.start("cds-extract", Map.of(), List.of("-Djarmode=tools", "-jar",
                NodeProcess.jar().toString(), "extract", "--force", "--destination", app.toString()));
        assertThat(extract.awaitExit(Duration.ofSeconds(60))).as("extract: %s", extract.output()).isZero();

        // As the Dockerfile does it: through the launcher, the shipped flags in an
        // options file beside it.
        Path options = dir.resolve("jvm.options");
        Files.copy(NodeProcess.jvmOptions(), options, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> trainingEnv = nodes.environment("cds-training");
        trainingEnv.put("GRID_NODE_JAR", app.resolve("grid-node.jar").toString());
        trainingEnv.put("GRID_JVM_OPTIONS", options.toString());
        trainingEnv.put("JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + archive + " -Dspring.context.exit=onRefresh");
        NodeProcess training = nodes.startWithLauncher("cds-training", trainingEnv);
        assertThat(training.awaitExit(Duration.ofSeconds(90))).as("training run: %s", training.output()).isZero();
        assertThat(archive).isRegularFile();

        Files.writeString(options, "-XX:SharedArchiveFile=" + archive + "\n", StandardOpenOption.APPEND);
        Map<String, String> nodeEnv = nodes.environment("cds-node");
        nodeEnv.put("GRID_NODE_JAR", app.resolve("grid-node.jar").toString());
        nodeEnv.put("GRID_JVM_OPTIONS", options.toString());
        nodeEnv.put("JAVA_OPTS", "-Xshare:on");
        NodeProcess node = nodes.startWithLauncher("cds-node", nodeEnv);
        node.awaitReady(Duration.ofSeconds(30));
        assertThat(node.get("/actuator/prometheus").body()).contains("grid_map_entries{");
        assertThat(node.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    }

}

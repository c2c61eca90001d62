package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast start the Dockerfile uses: the jar extracted with Spring Boot's tools, a class-data-sharing archive
 * recorded by a training run that exits after the context refresh, and the node started on that archive.
 * {@code -Xshare:on} makes the JVM refuse to start if the archive cannot be used, so readiness proves it was.
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

        NodeProcess training = nodes.start("cds-training", nodes.environment("cds-training"),
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                        app.resolve("grid-node.jar").toString()));
        assertThat(training.awaitExit(Duration.ofSeconds(90))).as("training run: %s", training.output()).isZero();
        assertThat(archive).isRegularFile();

        NodeProcess node = nodes.start("cds-node", nodes.environment("cds-node"), List.of("-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-jar", app.resolve("grid-node.jar").toString()));
        node.awaitReady(Duration.ofSeconds(30));
        assertThat(node.get("/actuator/prometheus").body()).contains("grid_map_owned_entries{");
        assertThat(node.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    }
}

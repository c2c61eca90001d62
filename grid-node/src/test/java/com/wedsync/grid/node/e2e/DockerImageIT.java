package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The image built from {@code grid-node/Dockerfile} starts a node that is ready on its
 * mapped HTTP port, runs as a non-root user, and guards its metrics with the admin token.
 * Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerImageIT {

    private static final String TOKEN = "docker-e2e-token";

    @Container
    private static final GenericContainer<?> node = new GenericContainer<>(
            new ImageFromDockerfile("wedsync/grid-node-e2e", true)
                .withDockerfile(NodeProcess.buildDir().getParent().resolve("Dockerfile")))
        .withEnv("GRID_CLUSTER_NAME", "docker-e2e")
        .withEnv("GRID_ADMIN_TOKEN", TOKEN)
        .withExposedPorts(8080)
        .waitingFor(Wait.forHttp("/actuator/health/readiness")
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(120)));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void imageIsReadyOnItsMappedPortRunsAsNonRootAndRequiresTheToken() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(NodeProcess.sample(metrics.body(), "grid_cluster_members", null)).hasValue(1.0);

        ExecResult uid = node.execInContainer("id", "-u");
        assertThat(uid.getStdout().trim()).isNotEqualTo("0");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        URI uri = URI.create("http://" + node.getHost() + ":" + node.getMappedPort(8080) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(NodeProcess.HTTP_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}

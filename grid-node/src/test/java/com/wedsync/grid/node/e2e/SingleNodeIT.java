package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One node, started from the packaged jar: the defaults make a working one-member grid,
 * ready within {@link #READY_WITHIN} of launch, that serves its metrics and cluster view
 * and leaves gracefully on SIGTERM; an admin token guards everything but health.
 */
class SingleNodeIT {

    private static final List<String> MAPS = List.of("wedding_data", "vendor_responses", "guest_interactions",
            "photo_thumbnails", "system_cache");

    /**
     * The start-up claim: about 8-9 s measured on 2 CPUs (docs/configuration.md), over 3x
     * that on a busy machine.
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void nodeWithOnlyPortsAndNameIsReadyWithin30sServesMetricsAndClusterAndLeavesOnSigterm() {
        Map<String, String> env = nodes.environment("defaults");
        // The contract's claim: with nothing else set, a node starts a working one-member
        // grid on loopback.
        env.remove("GRID_MEMBERS");
        NodeProcess node = nodes.start("defaults", env);

        // Waits well past the claim, so a slow start fails the claim below rather than
        // the wait.
        Duration ready = node.awaitReady(ChaosCluster.START_TIMEOUT);
        assertThat(ready).as("launch to readiness").isLessThan(READY_WITHIN);

        String prometheus = node.get("/actuator/prometheus").body();
        for (String map : MAPS) {
            assertThat(NodeProcess.sample(prometheus, "grid_map_entries", "map=\"" + map + "\",ownership=\"owned\""))
                .as("grid_map_entries{ownership=\"owned\"} of %s", map)
                .hasValue(0.0);
        }
        assertThat(NodeProcess.sample(prometheus, "grid_cluster_members", null)).hasValue(1.0);

        HttpResponse<String> cluster = node.get("/actuator/cluster");
        assertThat(cluster.statusCode()).isEqualTo(200);
        assertThat(cluster.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).contains("json"));
        assertThat(JsonPath.<String>read(cluster.body(), "$.clusterName")).isEqualTo(env.get("GRID_CLUSTER_NAME"));
        assertThat(JsonPath.<List<String>>read(cluster.body(), "$.members[*].address"))
            .containsExactly("127.0.0.1:" + env.get("GRID_PORT"));
        assertThat(JsonPath.<List<Integer>>read(cluster.body(), "$.members[*].ownedPartitions")).containsExactly(271);
        assertThat(JsonPath.<List<String>>read(cluster.body(), "$.maps[*].map"))
            .containsExactlyInAnyOrderElementsOf(MAPS);

        int exit = node.terminate(Duration.ofSeconds(60));
        assertThat(exit).as("exit code after SIGTERM").isIn(143, 0);
        assertThat(node.stdout()).contains("event=member_leaving").contains("event=member_left");
        assertThat(node.output()).doesNotContain("\tat ").doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }

    @Test
    void adminTokenGuardsEverythingButHealth() {
        String token = "e2e-" + UUID.randomUUID();
        Map<String, String> env = nodes.environment("token");
        env.put("GRID_ADMIN_TOKEN", token);
        NodeProcess node = nodes.start("token", env);
        node.awaitReady(Duration.ofSeconds(30));

        for (String path : List.of("/actuator/prometheus", "/actuator/cluster")) {
            HttpResponse<String> none = node.get(path, null);
            assertThat(none.statusCode()).as("%s without a token", path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
            assertThat(none.body()).doesNotContain("grid_").doesNotContain("clusterName");
            assertThat(node.get(path, "Bearer wrong-" + token).statusCode()).as("%s with a wrong token", path)
                .isEqualTo(401);
            assertThat(node.get(path, token).statusCode()).as("%s with the token but no scheme", path).isEqualTo(401);
            assertThat(node.get(path, "Bearer " + token).statusCode()).as("%s with the token", path).isEqualTo(200);
        }
        assertThat(node.scrape("grid_cluster_members", null, "Bearer " + token)).hasValue(1.0);
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            assertThat(node.get(path, null).statusCode()).as("%s without a token", path).isEqualTo(200);
        }
    }

}

package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes listing each other in {@code GRID_MEMBERS} form one cluster; when one gets
 * SIGTERM it hands its partitions over and leaves, and the other stays ready as a
 * one-member cluster.
 */
class TwoNodeClusterIT {

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void twoNodesFormOneClusterAndTheSurvivorStaysReadyWhenOneLeaves() {
        Map<String, String> envA = nodes.environment("pair-a");
        Map<String, String> envB = nodes.environment("pair-b");
        String members = "127.0.0.1:" + envA.get("GRID_PORT") + ",127.0.0.1:" + envB.get("GRID_PORT");
        for (Map<String, String> env : List.of(envA, envB)) {
            env.put("GRID_CLUSTER_NAME", envA.get("GRID_CLUSTER_NAME"));
            env.put("GRID_MEMBERS", members);
        }
        NodeProcess a = nodes.start("pair-a", envA);
        // B starts once A's member is up, so B joins A rather than both electing
        // themselves and merging later.
        a.awaitOutput(" is STARTED", Duration.ofSeconds(40));
        NodeProcess b = nodes.start("pair-b", envB);
        a.awaitReady(Duration.ofSeconds(60));
        b.awaitReady(Duration.ofSeconds(60));

        for (NodeProcess node : List.of(a, b)) {
            await(node.name() + " sees 2 members").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> node.scrape("grid_cluster_members", null, null).orElse(0) == 2.0);
        }
        assertThat(JsonPath.<List<String>>read(a.get("/actuator/cluster").body(), "$.members[*].address"))
            .containsExactlyInAnyOrder("127.0.0.1:" + envA.get("GRID_PORT"), "127.0.0.1:" + envB.get("GRID_PORT"));

        int exit = b.terminate(Duration.ofSeconds(60));
        assertThat(exit).as("exit code of B after SIGTERM").isIn(143, 0);
        assertThat(b.stdout()).contains("event=member_left handed_over=").contains("to_members=1");

        await("A sees 1 member").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> a.scrape("grid_cluster_members", null, null).orElse(0) == 1.0);
        a.awaitReady(Duration.ofSeconds(30));
        assertThat(JsonPath.<List<Integer>>read(a.get("/actuator/cluster").body(), "$.members[*].ownedPartitions"))
            .containsExactly(271);
        assertThat(a.stdout()).contains("event=member_removed");
        assertThat(a.isAlive()).isTrue();
    }

}

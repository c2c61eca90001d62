package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.jayway.jsonpath.JsonPath;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.config.testkit.LoopbackPorts;
import com.wedsync.grid.node.GridNodeApplication;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two whole nodes sampling every 250 ms, each with a real webhook receiver of its own so
 * the test knows which node sent what: a cluster alert raised by the oldest node is
 * cleared, with its id, by the node that is oldest after the first one is killed, and
 * only after the kill. Without the hand-over the receiver would hold that alert as active
 * for ever.
 */
class AlertHandoverIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** The webhook receiver of each node, by node index. */
    private final List<WebhookServer> webhooks = new ArrayList<>();

    private LoopbackGrid loopback;

    @BeforeEach
    void startNodes() throws IOException {
        System.setProperty("hazelcast.wait.seconds.before.join", "0");
        this.webhooks.add(new WebhookServer());
        this.webhooks.add(new WebhookServer());
        this.loopback = LoopbackGrid.builder().name("handover").portSpan(2).build();
        this.nodes.add(node(this.loopback.basePort(), this.webhooks.get(0)));
        this.nodes.add(node(this.loopback.basePort() + 1, this.webhooks.get(1)));
        await().atMost(WITHIN).until(() -> member(1).getCluster().getMembers().size() == 2);
    }

    @AfterEach
    void stopNodes() {
        this.nodes.forEach(ConfigurableApplicationContext::close);
        this.webhooks.forEach(WebhookServer::close);
        this.loopback.close();
        System.clearProperty("hazelcast.wait.seconds.before.join");
    }

    @Test
    void aClusterAlertOfAKilledOldestMemberIsClearedByTheNextOldest() {
        HazelcastInstance third = this.loopback.startMember(this.loopback.memberConfig((
                member) -> member.port(LoopbackPorts.freePort()).portAutoIncrement(false).memoryLimitBytes(32L << 20)));
        String thirdAddress = "127.0.0.1:" + third.getCluster().getLocalMember().getAddress().getPort();
        await().atMost(WITHIN).until(() -> member(1).getCluster().getMembers().size() == 3);
        third.getLifecycleService().terminate();
        String raisedId = await().atMost(WITHIN)
            .until(() -> alert(0, "raised", thirdAddress), Optional::isPresent)
            .map((received) -> JsonPath.<String>read(received.body(), "$.id"))
            .orElseThrow();
        assertThat(member(0).getCluster().getLocalMember().getUuid())
            .as("the first node is the oldest, which raised it")
            .isEqualTo(member(1).getCluster().getMembers().iterator().next().getUuid());

        // The oldest replicates its alerts once a sample (250 ms here); an alert raised
        // less than that before it dies may not reach the others. Kill it once the next
        // oldest's replica holds them.
        String oldest = member(0).getCluster().getLocalMember().getUuid().toString();
        await().atMost(WITHIN).until(() -> member(1).getReplicatedMap(ReplicatedAlertHandover.MAP).containsKey(oldest));
        Instant killed = Instant.now();
        member(0).getLifecycleService().terminate();

        WebhookServer.Received cleared = await().atMost(WITHIN)
            .until(() -> alert(1, "cleared", thirdAddress), Optional::isPresent)
            .orElseThrow();
        assertThat(JsonPath.<String>read(cleared.body(), "$.id")).isEqualTo(raisedId);
        assertThat(cleared.at()).as("cleared by the next oldest after the kill").isAfter(killed);
        assertThat(alerts(0, "cleared", thirdAddress)).as("not cleared by the oldest before it was killed").isEmpty();
        assertThat(alerts(0, "raised", thirdAddress)).as("raised once, by the oldest").hasSize(1);
        assertThat(alerts(1, "raised", thirdAddress)).as("not raised again by the next oldest").isEmpty();
        System.out.println("[alert-handover] oldest killed -> its member_left alert cleared by the next oldest after "
                + Duration.between(killed, cleared.at()).toMillis() + " ms (clear-after 24 samples of 250 ms)");
    }

    private ConfigurableApplicationContext node(int port, WebhookServer webhook) {
        Map<String, Object> properties = Map.ofEntries(Map.entry("GRID_CLUSTER_NAME", this.loopback.clusterName()),
                Map.entry("GRID_PORT", String.valueOf(port)),
                Map.entry("GRID_MEMBERS", String.join(",", this.loopback.addresses())),
                Map.entry("GRID_MEMORY_LIMIT", "32m"), Map.entry("GRID_ADMIN_TOKEN", "it-" + UUID.randomUUID()),
                Map.entry("GRID_ALERT_WEBHOOK", webhook.uri().toString()),
                // 6 s at 250 ms: long enough to kill the oldest before it clears the
                // alert itself
                Map.entry("GRID_ALERT_OVERRIDES", "member_left.clear-after=24"),
                Map.entry("grid.monitor.interval", "250ms"), Map.entry("grid.alerts.webhook.initial-backoff", "50ms"),
                Map.entry("server.port", "0"));
        return new SpringApplicationBuilder(GridNodeApplication.class).properties(properties).run();
    }

    private HazelcastInstance member(int index) {
        return this.nodes.get(index).getBean(HazelcastInstance.class);
    }

    private Optional<WebhookServer.Received> alert(int node, String transition, String member) {
        return alerts(node, transition, member).stream().findFirst();
    }

    /** The member-left changes a node's webhook received for a member, in their order. */
    private List<WebhookServer.Received> alerts(int node, String transition, String member) {
        return this.webhooks.get(node)
            .received()
            .stream()
            .filter((r) -> JsonPath.<String>read(r.body(), "$.type").equals("alert"))
            .filter((r) -> JsonPath.<String>read(r.body(), "$.rule").equals("member_left"))
            .filter((r) -> JsonPath.<String>read(r.body(), "$.transition").equals(transition))
            .filter((r) -> JsonPath.<String>read(r.body(), "$.member").equals(member))
            .toList();
    }

}

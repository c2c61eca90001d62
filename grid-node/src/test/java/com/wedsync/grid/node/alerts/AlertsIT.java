package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.jayway.jsonpath.JsonPath;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.GridNodeApplication;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A whole node (Spring context and member) with its monitor sampling every 250 ms and a
 * real webhook receiver on loopback: injected faults raise their alerts and deliver them
 * to the webhook within 15 s, and the alerts clear when the fault ends. The delay from
 * fault to delivery is printed as {@code [fault-to-webhook]}.
 */
class AlertsIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private static final String TOKEN = "it-" + UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static WebhookServer webhook;

    private static ConfigurableApplicationContext node;

    private static HazelcastInstance member;

    private static final List<AlertEvent> recorded = new CopyOnWriteArrayList<>();

    private static LoopbackGrid loopback;

    private static int port;

    @BeforeAll
    static void startNode() throws IOException {
        System.setProperty("hazelcast.wait.seconds.before.join", "0");
        webhook = new WebhookServer();
        loopback = LoopbackGrid.builder().name("alerts").portSpan(2).build();
        port = loopback.basePort();
        Map<String, Object> properties = Map.ofEntries(Map.entry("GRID_CLUSTER_NAME", loopback.clusterName()),
                Map.entry("GRID_PORT", String.valueOf(port)),
                Map.entry("GRID_MEMBERS", String.join(",", loopback.addresses())),
                Map.entry("GRID_MEMORY_LIMIT", "32m"), Map.entry("GRID_ADMIN_TOKEN", TOKEN),
                Map.entry("GRID_ALERT_WEBHOOK", webhook.uri().toString()),
                Map.entry("GRID_ALERT_OVERRIDES",
                        "memory.warning=20%,memory.raise-after=2,memory.clear-after=2,member_left.clear-after=3"),
                Map.entry("grid.monitor.interval", "250ms"), Map.entry("grid.alerts.webhook.initial-backoff", "50ms"),
                Map.entry("server.port", "0"));
        node = new SpringApplicationBuilder(GridNodeApplication.class, RecordingSinkConfiguration.class)
            .properties(properties)
            .run();
        member = node.getBean(HazelcastInstance.class);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        loopback.close();
        if (webhook != null) {
            webhook.close();
        }
        System.clearProperty("hazelcast.wait.seconds.before.join");
    }

    @Test
    void aMemberThatIsKilledRaisesAMemberLeftWarningThatLaterClears() {
        HazelcastInstance other = loopback.startMember(loopback
            .memberConfig((member) -> member.port(port + 1).portAutoIncrement(false).memoryLimitBytes(32L << 20)));
        try {
            await().atMost(WITHIN).until(() -> member.getCluster().getMembers().size() == 2);
            String address = "127.0.0.1:" + other.getCluster().getLocalMember().getAddress().getPort();
            Instant fault = Instant.now();
            other.getLifecycleService().terminate();

            WebhookServer.Received raised = await().atMost(WITHIN)
                .until(() -> alert("member_left", "raised", address), Optional::isPresent)
                .orElseThrow();
            System.out.println("[fault-to-webhook] member killed -> member_left raised at the webhook: "
                    + Duration.between(fault, raised.at()).toMillis() + " ms");
            assertThat(JsonPath.<String>read(raised.body(), "$.severity")).isEqualTo("warning");
            assertThat(JsonPath.<String>read(raised.body(), "$.cluster")).isEqualTo(loopback.clusterName());

            await().atMost(WITHIN).until(() -> alert("member_left", "cleared", address), Optional::isPresent);
            assertThat(alert("partition_lost", "raised", null)).as("no data was lost: every class has a backup")
                .isEmpty();
        }
        finally {
            other.getLifecycleService().terminate();
        }
    }

    @Test
    void filledMemoryRaisesAMemoryWarningThatClearsWhenTheDataIsGone() {
        IMap<WeddingKey, byte[]> weddings = member.getMap("wedding_data");
        // 9 MiB in wedding data, whose budget is 12 MiB (40 % of the 32 MiB limit): about
        // 75 % of its budget, over the warning threshold lowered to 20 %, and under the
        // budget, so nothing is evicted.
        for (int i = 0; i < 9 * 16; i++) {
            weddings.set(new WeddingKey("w-" + (i % 20), "item-" + i), new byte[64 * 1024]);
        }
        Instant fault = Instant.now();

        WebhookServer.Received raised = await().atMost(WITHIN)
            .until(() -> alert("memory", "raised", null), Optional::isPresent)
            .orElseThrow();
        System.out.println("[fault-to-webhook] memory filled -> memory raised at the webhook: "
                + Duration.between(fault, raised.at()).toMillis() + " ms");
        assertThat(JsonPath.<Double>read(raised.body(), "$.value")).isGreaterThan(20.0);
        assertThat(JsonPath.<Double>read(raised.body(), "$.threshold")).isEqualTo(20.0);

        assertThat(recorded).as("an AlertSink bean of the application")
            .anyMatch((e) -> e.alert().rule().equals("memory") && e.kind() == AlertEvent.Kind.RAISED);

        weddings.clear();
        await().atMost(WITHIN).until(() -> alert("memory", "cleared", null), Optional::isPresent);
        assertThat(get("/actuator/alerts", "Bearer " + TOKEN).body()).satisfies((body) -> {
            assertThat(JsonPath.<List<String>>read(body, "$.history[?(@.alert.rule == 'memory')].transition"))
                .contains("raised", "cleared");
            assertThat(JsonPath.<List<String>>read(body, "$.history[?(@.alert.rule == 'memory')].alert.severity"))
                .contains("warning");
            assertThat(JsonPath.<List<String>>read(body, "$.active[?(@.rule == 'memory')]")).isEmpty();
        });
    }

    @Test
    void theEndpointsRequireTheTokenAndAnswerWithTheirShapes() {
        for (String path : List.of("/actuator/alerts", "/actuator/scaling")) {
            assertThat(get(path, null).statusCode()).as("%s without a token", path).isEqualTo(401);
            assertThat(get(path, "Bearer wrong").statusCode()).as("%s with a wrong token", path).isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN).statusCode()).as("%s with the token", path).isEqualTo(200);
        }
        String alerts = get("/actuator/alerts", "Bearer " + TOKEN).body();
        assertThat(JsonPath.<String>read(alerts, "$.member")).isEqualTo("127.0.0.1:" + port);
        assertThat(JsonPath.<Boolean>read(alerts, "$.evaluatesClusterRules")).isTrue();
        assertThat(JsonPath.<List<Object>>read(alerts, "$.active")).isNotNull();
        assertThat(JsonPath.<Map<String, String>>read(alerts, "$.cluster")).isNotNull();

        await().atMost(WITHIN).untilAsserted(() -> {
            String scaling = get("/actuator/scaling", "Bearer " + TOKEN).body();
            assertThat(JsonPath.<Integer>read(scaling, "$.desired")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(scaling, "$.current")).isEqualTo(1);
            assertThat(JsonPath.<List<String>>read(scaling, "$.reasons")).isNotEmpty();
        });
    }

    @Test
    void theMonitorsMetersAreExported() {
        member.getMap("vendor_responses").set(new WeddingKey("w-1", "v-1"), "response");
        member.getMap("vendor_responses").get(new WeddingKey("w-1", "v-1"));
        await().atMost(WITHIN).untilAsserted(() -> {
            String prometheus = get("/actuator/prometheus", "Bearer " + TOKEN).body();
            for (String name : List.of("grid_monitor_latency_ms{", "grid_monitor_hit_ratio{",
                    "grid_monitor_memory_ratio{", "grid_monitor_ops_per_second{", "grid_monitor_heap_used_ratio{",
                    "grid_alerts_active{", "grid_alert_deliveries_total{", "grid_scaling_desired_members{")) {
                assertThat(prometheus).as(name).contains(name);
            }
            assertThat(prometheus).containsPattern("grid_monitor_memory_ratio\\{[^}]*map=\"wedding_data\"");
            assertThat(prometheus)
                .containsPattern("grid_alerts_active\\{[^}]*rule=\"memory\"[^}]*severity=\"warning\"");
            assertThat(prometheus)
                .containsPattern("grid_alert_deliveries_total\\{[^}]*result=\"delivered\"[^}]*sink=\"webhook\"");
            assertThat(prometheus).containsPattern("grid_scaling_desired_members\\{[^}]*\\} 1\\.0");
        });
    }

    private static Optional<WebhookServer.Received> alert(String rule, String transition, String member) {
        return webhook.received()
            .stream()
            .filter((r) -> JsonPath.<String>read(r.body(), "$.type").equals("alert"))
            .filter((r) -> JsonPath.<String>read(r.body(), "$.rule").equals(rule))
            .filter((r) -> JsonPath.<String>read(r.body(), "$.transition").equals(transition))
            .filter((r) -> member == null || JsonPath.<String>read(r.body(), "$.member").equals(member))
            .findFirst();
    }

    private static HttpResponse<String> get(String path, String authorization) {
        String httpPort = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An application's own sink, picked up as a bean of type {@link AlertSink}. */
    static class RecordingSinkConfiguration {

        @Bean
        AlertSink recordingSink() {
            return recorded::add;
        }

    }

}

package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookAlertSinkTests {

    private static final Instant START = Instant.parse("2026-06-13T14:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private WebhookServer server;

    private WebhookAlertSink sink;

    @AfterEach
    void stop() {
        if (this.sink != null) {
            this.sink.close();
        }
        if (this.server != null) {
            this.server.close();
        }
    }

    @Test
    void aServerThatFailsAndRecoversReceivesEveryAlertInOrderAndTheFailuresAreRetried() throws Exception {
        this.server = new WebhookServer();
        this.server.failNext(4);
        this.sink = sink(this.server.uri(), policy(100, 10));

        for (int i = 0; i < 5; i++) {
            this.sink.alert(raised("latency", i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.received().size() == 5);
        List<String> ids = this.server.received().stream().map((r) -> JsonPath.<String>read(r.body(), "$.id")).toList();
        assertThat(ids)
            .containsExactly(IntStream.range(0, 5).mapToObj(WebhookAlertSinkTests::id).toArray(String[]::new));
        assertThat(this.server.requests()).isEqualTo(5 + 4);
        assertThat(count("delivered")).isEqualTo(5);
        assertThat(count("failed")).isZero();
        assertThat(count("dropped")).isZero();
    }

    @Test
    void theBodyOfAnAlertOnOneDataClassNamesTheClass() {
        Alert alert = new Alert("hit_rate/cluster/guest_interactions/1", "hit_rate", Severity.WARNING,
                "cluster/guest_interactions", 92.0, 95.0, START, null);

        String body = new WebhookPayload("test-cluster").alert(new AlertEvent(AlertEvent.Kind.RAISED, alert));

        assertThat(JsonPath.<String>read(body, "$.data_class")).isEqualTo("guest_interactions");
        assertThat(JsonPath.<String>read(body, "$.member")).isEqualTo("cluster/guest_interactions");
        assertThat(JsonPath.<String>read(body, "$.id")).isEqualTo("hit_rate/cluster/guest_interactions/1");
    }

    @Test
    void theBodyCarriesTheAlertAndTheTransition() throws Exception {
        this.server = new WebhookServer();
        this.sink = sink(this.server.uri(), policy(10, 3));

        this.sink.alert(raised("memory", 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.received().size() == 1);
        WebhookServer.Received received = this.server.received().get(0);
        assertThat(received.contentType()).isEqualTo("application/json");
        String body = received.body();
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("alert");
        assertThat(JsonPath.<String>read(body, "$.transition")).isEqualTo("raised");
        assertThat(JsonPath.<String>read(body, "$.cluster")).isEqualTo("test-cluster");
        assertThat(JsonPath.<String>read(body, "$.rule")).isEqualTo("memory");
        assertThat(JsonPath.<String>read(body, "$.severity")).isEqualTo("critical");
        assertThat(JsonPath.<String>read(body, "$.member")).isEqualTo("127.0.0.1:5701");
        assertThat(JsonPath.<Object>read(body, "$.data_class")).isNull();
        assertThat(JsonPath.<Double>read(body, "$.value")).isEqualTo(1.5);
        assertThat(JsonPath.<Double>read(body, "$.threshold")).isEqualTo(1.0);
        assertThat(JsonPath.<String>read(body, "$.start")).isEqualTo("2026-06-13T14:00:00Z");
        assertThat(JsonPath.<Object>read(body, "$.end")).isNull();
    }

    @Test
    void aScalingChangeIsSentAsAnInfoNotice() throws Exception {
        this.server = new WebhookServer();
        this.sink = sink(this.server.uri(), policy(10, 3));

        this.sink.scaling(new ScalingChange(START, 2, 3, 2, List.of("peak from Sat")));

        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.received().size() == 1);
        String body = this.server.received().get(0).body();
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("scaling");
        assertThat(JsonPath.<String>read(body, "$.severity")).isEqualTo("info");
        assertThat(JsonPath.<Integer>read(body, "$.desired")).isEqualTo(3);
        assertThat(JsonPath.<List<String>>read(body, "$.reasons")).containsExactly("peak from Sat");
    }

    @Test
    void notificationsMilderThanTheMinimumSeverityAreFilteredAndCountedNotSent() throws Exception {
        this.server = new WebhookServer();
        this.sink = sink(this.server.uri(), policy(10, 3, Severity.CRITICAL));

        this.sink.scaling(new ScalingChange(START, 2, 3, 2, List.of()));
        this.sink.alert(new AlertEvent(AlertEvent.Kind.RAISED,
                new Alert("memory/m/1", "memory", Severity.WARNING, "127.0.0.1:5701", 75, 70, START, null)));
        this.sink.alert(raised("latency", 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> count("delivered") == 1);
        assertThat(this.server.received()).extracting((r) -> JsonPath.<String>read(r.body(), "$.id"))
            .containsExactly(id(0));
        assertThat(count("filtered")).isEqualTo(2);
        assertThat(count("dropped")).isZero();
    }

    @Test
    void aNotificationThatUsesUpItsAttemptsIsCountedAsFailed() throws Exception {
        this.server = new WebhookServer();
        this.server.failNext(3);
        this.sink = sink(this.server.uri(), policy(10, 3));

        this.sink.alert(raised("latency", 0));
        this.sink.alert(raised("latency", 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1 && count("delivered") == 1);
        assertThat(JsonPath.<String>read(this.server.received().get(0).body(), "$.id")).isEqualTo(id(1));
    }

    @Test
    void aFullQueueDropsAndCountsWhatItCannotHold() throws Exception {
        this.server = new WebhookServer();
        this.server.holdRequests();
        this.sink = sink(this.server.uri(), policy(3, 1));

        this.sink.alert(raised("latency", 0));
        // The first is being sent (held by the server); three fit in the queue; the last
        // two do not.
        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.requests() == 1);
        for (int i = 1; i <= 5; i++) {
            this.sink.alert(raised("latency", i));
        }
        assertThat(count("dropped")).isEqualTo(2);
        assertThat(this.sink.queued()).isEqualTo(3);

        this.server.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> count("delivered") == 4);
        assertThat(this.server.received()).extracting((r) -> JsonPath.<String>read(r.body(), "$.id"))
            .containsExactly(id(0), id(1), id(2), id(3));
    }

    @Test
    void anUnreachableWebhookIsCountedAsFailedNotLost() throws Exception {
        this.server = new WebhookServer();
        URI closed = this.server.uri();
        this.server.close();
        this.server = null;
        this.sink = sink(closed, policy(10, 2));

        this.sink.alert(raised("latency", 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1);
        assertThat(count("delivered")).isZero();
    }

    private WebhookAlertSink sink(URI uri, WebhookPolicy policy) {
        return new WebhookAlertSink(uri, policy, new WebhookPayload("test-cluster"), this.registry);
    }

    private static WebhookPolicy policy(int queue, int attempts) {
        return policy(queue, attempts, Severity.INFO);
    }

    private static WebhookPolicy policy(int queue, int attempts, Severity minSeverity) {
        return new WebhookPolicy(queue, Duration.ofSeconds(1), Duration.ofSeconds(5), attempts, Duration.ofMillis(20),
                Duration.ofMillis(200), minSeverity);
    }

    private double count(String result) {
        return this.registry.get(AlertDispatcher.DELIVERIES)
            .tag("sink", "webhook")
            .tag("result", result)
            .counter()
            .count();
    }

    private static AlertEvent raised(String rule, int n) {
        Instant start = START.plusSeconds(n);
        return new AlertEvent(AlertEvent.Kind.RAISED, new Alert(rule + "/127.0.0.1:5701/" + start.toEpochMilli(), rule,
                Severity.CRITICAL, "127.0.0.1:5701", 1.5, 1.0, start, null));
    }

    private static String id(int n) {
        return "latency/127.0.0.1:5701/" + START.plusSeconds(n).toEpochMilli();
    }

}

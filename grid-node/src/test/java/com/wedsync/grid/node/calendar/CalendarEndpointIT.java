package com.wedsync.grid.node.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.GridNodeApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole node with an admin token, its calendar asked over real HTTP: a write without
 * the token is a 401 and stores nothing; a malformed declaration is a 400 naming the
 * field and the value; declared weddings are listed, counted by the gauges and weighed by
 * the capacity advisor within a few samples (1 s apart); a withdrawal takes them back.
 */
class CalendarEndpointIT {

    private static final String TOKEN = "it-" + UUID.randomUUID();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The monitor's time zone is UTC unless set. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static ConfigurableApplicationContext node;

    private static int httpPort;

    @BeforeAll
    static void startNode() {
        LoopbackGrid loopback = LoopbackGrid.builder().name("calendar-endpoint").portSpan(2).build();
        Map<String, Object> properties = Map.of("GRID_CLUSTER_NAME", loopback.clusterName(), "GRID_PORT",
                String.valueOf(loopback.basePort()), "GRID_MEMBERS", String.join(",", loopback.addresses()),
                "GRID_MEMORY_LIMIT", "32m", "GRID_ADMIN_TOKEN", TOKEN, "server.port", "0", "grid.monitor.interval",
                "1s");
        System.setProperty("hazelcast.wait.seconds.before.join", "0");
        node = new SpringApplicationBuilder(GridNodeApplication.class).properties(properties).run();
        httpPort = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        System.clearProperty("hazelcast.wait.seconds.before.join");
    }

    @Test
    void aWriteWithoutTheTokenIsUnauthorizedAndStoresNothing() throws Exception {
        String body = wedding("w-anonymous", TODAY.plusDays(3), "Europe/London", "100");

        assertThat(send("POST", "/actuator/calendar", body, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/actuator/calendar", body, "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/actuator/calendar/w-anonymous", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/calendar", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/calendar", null, "Bearer " + TOKEN).body()).doesNotContain("w-anonymous");
    }

    @ParameterizedTest(name = "{0} -> 400 naming it")
    @CsvSource(delimiter = '|', textBlock = """
            a date in the past   | -2 | Europe/London  | 100  | date (PAST) must not be in the past
            no guests            | 3  | Europe/London  | 0    | guests (0) must be between 1 and 100000
            negative guests      | 3  | Europe/London  | -4   | guests (-4) must be between 1 and 100000
            guests not a number  | 3  | Europe/London  | many | guests (many) must be a whole number
            an unknown zone      | 3  | Mars/Olympus   | 100  | zone (Mars/Olympus) must be an IANA time zone
            an offset, no zone   | 3  | +02:00         | 100  | zone (+02:00) must be an IANA time zone
            """)
    void aMalformedDeclarationIsABadRequestNamingTheField(String behaviour, int days, String zone, String guests,
            String message) throws Exception {
        LocalDate date = TODAY.plusDays(days);
        HttpResponse<String> response = send("POST", "/actuator/calendar",
                wedding("w-bad-" + behaviour.hashCode(), date, zone, guests), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(message.replace("PAST", date.toString()));
        assertThat(send("GET", "/actuator/calendar", null, "Bearer " + TOKEN).body()).doesNotContain("w-bad-");
    }

    @Test
    void aBadTypeOrRangeIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> type = send("POST", "/actuator/calendar",
                "{\"type\":\"party\",\"weddingId\":\"w-x\",\"date\":\"" + TODAY.plusDays(1) + "\",\"zone\":\"UTC\"}",
                "Bearer " + TOKEN);
        HttpResponse<String> range = send("GET", "/actuator/calendar?from=2027-01-02&to=2027-01-01", null,
                "Bearer " + TOKEN);
        HttpResponse<String> from = send("GET", "/actuator/calendar?from=soon", null, "Bearer " + TOKEN);

        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(type.body()).contains("type (party) must be wedding, rsvp or vendor");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("to (2027-01-01) must not be before from (2027-01-02)");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(from.body()).contains("from (soon) must be a date");
    }

    @Test
    void declaredWeddingsAreListedCountedAndWeighedByTheAdvisorUntilWithdrawn() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(
                    send("POST", "/actuator/calendar", wedding("w-today-" + i, TODAY, "UTC", "150"), "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(200);
        }
        assertThat(
                send("POST", "/actuator/calendar", wedding("w-soon", TODAY.plusDays(2), "UTC", "80"), "Bearer " + TOKEN)
                    .statusCode())
            .isEqualTo(200);
        assertThat(send("POST", "/actuator/calendar",
                "{\"type\":\"rsvp\",\"weddingId\":\"w-soon\",\"date\":\"" + TODAY.plusDays(1) + "\",\"zone\":\"UTC\"}",
                "Bearer " + TOKEN)
            .statusCode()).isEqualTo(200);

        String listed = send("GET", "/actuator/calendar?from=" + TODAY + "&to=" + TODAY.plusDays(2), null,
                "Bearer " + TOKEN)
            .body();
        assertThat(listed).contains("\"count\":5", "\"weddingId\":\"w-today-2\"", "\"type\":\"rsvp\"",
                "\"guests\":150");
        await("gauges and advice count the weddings").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                assertThat(get("/actuator/prometheus")).contains("grid_weddings_active{application=\"grid-node\"} 3.0")
                    .contains("grid_weddings_upcoming{application=\"grid-node\"} 1.0");
                assertThat(get("/actuator/scaling")).contains("weddings: 3 on ");
            });

        assertThat(send("DELETE", "/actuator/calendar/w-today-0", null, "Bearer " + TOKEN).body())
            .contains("\"removed\":1");
        await("the withdrawal reaches the gauge").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(get("/actuator/prometheus"))
                .contains("grid_weddings_active{application=\"grid-node\"} 2.0"));
    }

    private static String wedding(String id, LocalDate date, String zone, String guests) {
        return "{\"type\":\"wedding\",\"weddingId\":\"" + id + "\",\"date\":\"" + date + "\",\"zone\":\"" + zone
                + "\",\"guests\":\"" + guests + "\",\"vendors\":12}";
    }

    private static String get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, "Bearer " + TOKEN).body();
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(TIMEOUT)
            .method(method,
                    (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}

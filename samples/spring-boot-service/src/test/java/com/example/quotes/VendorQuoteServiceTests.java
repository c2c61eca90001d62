package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.instance.BuildInfoProvider;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against a real grid: a {@code grid-node.jar} process of its own
 * ({@link GridNode}), reached over HTTP as the service's clients reach it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class VendorQuoteServiceTests {

    @RegisterExtension
    static final GridNode node = new GridNode();

    private static final Pattern L1_HITS = Pattern.compile(
            "^grid_region_gets_total\\{(?=[^}]*region=\"vendor_responses\")(?=[^}]*result=\"l1_hit\")[^}]*\\} (\\S+)$",
            Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private VendorQuoteService quotes;

    @Autowired
    private GridClient grid;

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        registry.add("grid.client.cluster-name", node::clusterName);
        registry.add("grid.client.members", node::memberAddress);
    }

    @Test
    void secondRequestForAQuoteIsAnsweredWithoutAskingTheVendor() {
        String wedding = newWeddingId();
        int before = this.quotes.vendorCalls();

        HttpResponse<String> first = send("GET", quotePath(wedding, "florist"));
        HttpResponse<String> second = send("GET", quotePath(wedding, "florist"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"weddingId\":\"" + wedding + "\"", "\"vendorId\":\"florist\"");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(this.quotes.vendorCalls()).isEqualTo(before + 1);
    }

    @Test
    void forgottenQuoteIsAskedForAgain() {
        String wedding = newWeddingId();
        int before = this.quotes.vendorCalls();

        send("GET", quotePath(wedding, "band"));
        assertThat(send("DELETE", quotePath(wedding, "band")).statusCode()).isEqualTo(204);
        send("GET", quotePath(wedding, "band"));

        assertThat(this.quotes.vendorCalls()).isEqualTo(before + 2);
    }

    @Test
    void cachedQuoteIsInTheGridsVendorResponsesUnderItsWeddingKey() {
        String wedding = newWeddingId();

        VendorQuote quote = this.quotes.quote(wedding, "caterer");

        VendorQuote stored = this.grid.<WeddingKey, VendorQuote>region(DataClass.VENDOR_RESPONSES, VendorQuote.class)
            .get(new WeddingKey(wedding, "quote:caterer"));
        assertThat(stored).isEqualTo(quote);
    }

    @Test
    void repeatedRequestsAreCountedAsNearCacheHitsInPrometheus() {
        String wedding = newWeddingId();
        send("GET", quotePath(wedding, "photographer"));
        int callsAfterFirst = this.quotes.vendorCalls();
        double before = l1Hits();

        // The first reads after the load may still go to the grid (the near cache fills
        // on
        // a read); within a few the quote is answered from the near cache.
        await("an l1_hit of vendor_responses in /actuator/prometheus").atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> {
                send("GET", quotePath(wedding, "photographer"));
                return l1Hits() > before;
            });
        assertThat(this.quotes.vendorCalls()).isEqualTo(callsAfterFirst);
    }

    @Test
    void serviceRunsTheHazelcastMinorGridClientIsBuiltFor() {
        // Spring Boot 4.0's parent manages 5.5.0; the pom's hazelcast.version overrides
        // it.
        assertThat(BuildInfoProvider.getBuildInfo().getVersion()).startsWith("5.7.");
    }

    private double l1Hits() {
        HttpResponse<String> response = send("GET", "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher matcher = L1_HITS.matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static String quotePath(String wedding, String vendor) {
        return "/weddings/" + wedding + "/vendors/" + vendor + "/quote";
    }

    private static String newWeddingId() {
        return "w-" + UUID.randomUUID();
    }

}

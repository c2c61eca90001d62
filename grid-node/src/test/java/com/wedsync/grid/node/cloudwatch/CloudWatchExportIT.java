package com.wedsync.grid.node.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.GridNodeApplication;
import com.wedsync.grid.node.scaling.ScalingEvaluator;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A whole node (Spring context and member) publishing every second to a real HTTP server
 * on loopback in place of CloudWatch, with static dummy credentials and the region set
 * (instance metadata is disabled for the tests by the build): the desired-members gauge
 * arrives under the name, namespace and dimensions the Terraform module's scaling policy
 * reads, signed for the region, and nothing outside the allow-list is sent, while
 * Prometheus keeps every meter.
 */
class CloudWatchExportIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final String NAMESPACE = "WedSyncGrid/IT";

    private static final String ACCESS_KEY = "AKIDCLOUDWATCHIT";

    private static CloudWatchServer cloudWatch;

    private static ConfigurableApplicationContext node;

    private static LoopbackGrid loopback;

    @BeforeAll
    static void startNode() throws IOException {
        System.setProperty("hazelcast.wait.seconds.before.join", "0");
        cloudWatch = new CloudWatchServer();
        loopback = LoopbackGrid.builder().name("cloudwatch").portSpan(2).build();
        Map<String, Object> properties = Map.ofEntries(Map.entry("GRID_CLUSTER_NAME", loopback.clusterName()),
                Map.entry("GRID_PORT", String.valueOf(loopback.basePort())),
                Map.entry("GRID_MEMBERS", loopback.addresses().get(0)), Map.entry("GRID_MEMORY_LIMIT", "32m"),
                Map.entry("grid.monitor.interval", "250ms"), Map.entry("grid.scaling.min-members", "4"),
                // As properties, not variables: relaxed binding maps GRID_CLOUDWATCH_*
                // only from the environment.
                Map.entry("grid.cloudwatch.enabled", "true"), Map.entry("grid.cloudwatch.namespace", NAMESPACE),
                Map.entry("grid.cloudwatch.region", "eu-west-2"), Map.entry("grid.cloudwatch.step", "1s"),
                Map.entry("grid.cloudwatch.endpoint", cloudWatch.uri().toString()), Map.entry("server.port", "0"));
        node = new SpringApplicationBuilder(GridNodeApplication.class, DummyCredentials.class).properties(properties)
            .run();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        if (cloudWatch != null) {
            cloudWatch.close();
        }
        System.clearProperty("hazelcast.wait.seconds.before.join");
    }

    @Test
    void theDesiredMembersReachCloudWatchUnderTheNamesTheScalingPolicyReads() {
        ScalingEvaluator evaluator = node.getBean(ScalingEvaluator.class);
        await().atMost(WITHIN).until(() -> evaluator.latest() != null);
        double desired = evaluator.latest().advice().desiredMembers();
        assertThat(desired).as("min-members is 4 on a one-member grid").isGreaterThanOrEqualTo(4);

        CloudWatchServer.Datum datum = await().atMost(WITHIN)
            .until(() -> cloudWatch.data()
                .stream()
                .filter((d) -> d.name().equals("grid.scaling.desired.members.value"))
                .reduce((first, second) -> second), (found) -> found.isPresent())
            .orElseThrow();

        // terraform/modules/aws/scaling.tf reads exactly this namespace, metric name and
        // dimension set.
        assertThat(datum.namespace()).isEqualTo(NAMESPACE);
        assertThat(datum.value()).isEqualTo(desired);
        assertThat(datum.dimensions())
            .containsExactlyInAnyOrderEntriesOf(Map.of("cluster", loopback.clusterName(), "application", "grid-node"));
    }

    @Test
    void requestsArePutMetricDataCallsSignedWithTheCredentialsForTheRegion() {
        CloudWatchServer.Request request = await().atMost(WITHIN)
            .until(() -> cloudWatch.requests().stream().findFirst(), (found) -> found.isPresent())
            .orElseThrow();

        System.out.printf("[cloudwatch] first request: %s%n", request.form());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsEntry("Action", "PutMetricData").containsEntry("Version", "2010-08-01");
        assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
            .contains("/eu-west-2/monitoring/aws4_request");
    }

    @Test
    void onlyTheAllowListIsPublishedWhilePrometheusKeepsEveryMeter() {
        Set<String> expected = PublishedMeters.NAMES.stream()
            .map((name) -> name + ".value")
            .collect(Collectors.toSet());
        await().atMost(WITHIN).until(() -> names().containsAll(expected));

        assertThat(names()).isEqualTo(expected).noneMatch((name) -> name.startsWith("jvm."));
        PrometheusMeterRegistry prometheus = node.getBean(PrometheusMeterRegistry.class);
        assertThat(prometheus.find("jvm.memory.used").gauges()).isNotEmpty();
        assertThat(prometheus.get("grid.scaling.desired.members").gauge().getId().getTag("cluster")).isNull();
        assertThat(node.getBean(CloudWatchMeterRegistry.class).find("jvm.memory.used").meters()).isEmpty();
    }

    private static Set<String> names() {
        return cloudWatch.data().stream().map(CloudWatchServer.Datum::name).collect(Collectors.toSet());
    }

    /**
     * Static dummy credentials, so that the SDK's default chain (and instance metadata)
     * is never consulted.
     */
    static class DummyCredentials {

        @Bean
        AwsCredentialsProvider dummyAwsCredentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "dummy-secret"));
        }

    }

}

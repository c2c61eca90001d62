package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.node.e2e.MonitoringQueries.Query;
import com.wedsync.grid.node.e2e.PromQlReferences.Selector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every series the Prometheus rules and the Grafana dashboard query (the top-level
 * {@code monitoring/} folder) is one the grid exports, by name and by the label values
 * they select: a node started from the packaged jar and a grid-client connected to it are
 * used (every region read, missed, loaded and hit in both layers; thumbnails filled past
 * their budget so that the memory alert is raised), and their scrapes are searched.
 * Series that appear only once an alert is raised are waited for.
 */
class MonitoringMetricsIT {

    /** Labels Prometheus adds when it scrapes: the target's, never the application's. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /**
     * Long enough for the monitor to raise the memory alert: raise-after 3 samples of 5
     * s, plus start-up.
     */
    private static final Duration ALERT_WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void everySeriesTheRulesAndTheDashboardQueryIsExportedByTheNodeOrTheClient() {
        Map<String, String> env = nodes.environment("monitoring");
        env.put("GRID_MEMORY_LIMIT", "20m");
        NodeProcess node = nodes.start("monitoring", env);
        node.awaitReady(Duration.ofSeconds(60));
        PrometheusMeterRegistry clientRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GridClientSettings settings = GridClientSettings.defaults()
            .withCluster(env.get("GRID_CLUSTER_NAME"), List.of("127.0.0.1:" + env.get("GRID_PORT")));

        try (GridClient client = GridClient.connect(settings, clientRegistry)) {
            exercise(client);

            await().atMost(ALERT_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Exposition exported = Exposition.of(node.get("/actuator/prometheus").body(), clientRegistry.scrape());
                assertThat(unexported(exported)).as("series queried but exported by neither the node nor the client")
                    .isEmpty();
            });
        }
    }

    private static Set<String> unexported(Exposition exported) {
        Set<String> missing = new TreeSet<>();
        for (Query query : MonitoringQueries.all()) {
            for (Selector selector : query.selectors()) {
                Map<String, String> labels = new HashMap<>(selector.equalities());
                labels.keySet().removeAll(TARGET_LABELS);
                if (!selector.isRecorded() && !exported.has(selector.name(), labels)) {
                    missing.add(selector.name() + (labels.isEmpty() ? "" : labels) + " (" + query.source() + ")");
                }
            }
        }
        return missing;
    }

    /**
     * Reads every region in both layers, misses and loads, and fills the thumbnails past
     * their 2 MiB budget.
     */
    private static void exercise(GridClient client) {
        for (DataClass dataClass : DataClass.values()) {
            CacheRegion<WeddingKey, byte[]> region = client.region(dataClass, byte[].class);
            WeddingKey key = new WeddingKey("w-monitoring", "item-" + dataClass.name());
            assertThat(region.get(new WeddingKey("w-monitoring", "absent"))).isNull();
            region.getOrLoad(new WeddingKey("w-monitoring", "loaded"), (k) -> new byte[] { 1 });
            region.put(key, new byte[] { 2 });
            for (int i = 0; i < 200; i++) {
                assertThat(region.get(key)).containsExactly(2);
            }
        }
        CacheRegion<WeddingKey, byte[]> thumbnails = client.region(DataClass.PHOTO_THUMBNAILS, byte[].class);
        Random random = new Random(42);
        for (int i = 0; i < 64; i++) {
            byte[] noise = new byte[64 * 1024];
            random.nextBytes(noise);
            thumbnails.put(new WeddingKey("w-monitoring-" + i, "thumbnail"), noise);
        }
    }

}

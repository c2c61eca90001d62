package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole cluster goes down (both grid-node processes SIGKILLed) under a connected
 * client, for longer than the client's connect timeout. A near-cached key still answers
 * from L1 with its value from before the outage; calls that need the grid fail with
 * {@link GridUnavailableException} within the operation timeout and never hang. The
 * members start again on the same ports, empty: the same client reconnects by itself,
 * serves no value from before the outage out of its near cache, and sees new writes.
 * Figures print as {@code [chaos]}.
 */
class ClusterOutageIT {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

    /**
     * What a failing call may take beyond the operation timeout on 2 busy cores (GC and
     * scheduling gaps of this JVM); still far below a hang.
     */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static final int KEYS = 500;

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void nearCachedKeysAnswerAndOtherCallsFailFastWhileTheClusterIsDownAndTheClientComesBackWithNothingStale() {
        ChaosCluster cluster = ChaosCluster.start(nodes, "outage", 2, Map.of());
        GridClientSettings settings = cluster.clientSettings().withTimeouts(Duration.ofSeconds(5), OPERATION_TIMEOUT);
        List<WeddingKey> keys = IntStream.range(0, KEYS)
            .mapToObj((i) -> new WeddingKey("w-" + (i % 100), "i-" + i))
            .toList();
        try (GridClient client = GridClient.connect(settings, new SimpleMeterRegistry())) {
            CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
            keys.forEach((key) -> region.put(key, "before the outage"));
            keys.forEach(region::get);

            cluster.kill(0);
            cluster.kill(1);
            long down = System.nanoTime();
            String fromL1 = region.get(keys.get(0));
            assertThat(fromL1).as("a near-cached key read during the outage").isEqualTo("before the outage");
            for (int i = 0; i < 3; i++) {
                WeddingKey fresh = new WeddingKey("w-outage", "never-written-" + i);
                assertFailsFast("get", () -> region.get(fresh));
                assertFailsFast("put", () -> region.put(fresh, "during the outage"));
            }

            cluster.restart(0);
            cluster.restart(1);
            double outage = (System.nanoTime() - down) / 1e9;
            long back = System.nanoTime();
            WeddingKey probe = new WeddingKey("w-probe", "after");
            await("the client reconnects by itself").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(GridUnavailableException.class)
                .until(() -> {
                    region.put(probe, "after the outage");
                    return true;
                });
            double reconnect = (System.nanoTime() - back) / 1e9;
            long stale = keys.stream().filter((key) -> region.get(key) != null).count();
            System.out.printf("[chaos] cluster-outage: down %.1f s (both members SIGKILLed, then restarted on the same "
                    + "ports); client reconnected by itself %.2f s after the cluster was safe; %d of %d near-cached "
                    + "keys from before the outage served afterwards; during it, a near-cached key read '%s'%n", outage,
                    reconnect, stale, KEYS, fromL1);
            assertThat(stale).as("values from before the outage served from the near cache").isZero();

            try (GridClient writer = GridClient.connect(settings, new SimpleMeterRegistry())) {
                CacheRegion<WeddingKey, String> other = writer.region(DataClass.WEDDING_DATA, String.class);
                List<WeddingKey> rewritten = keys.subList(0, 100);
                rewritten.forEach((key) -> other.put(key, "written after the outage"));
                await("new writes visible through the reconnected client").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> rewritten
                        .forEach((key) -> assertThat(region.get(key)).isEqualTo("written after the outage")));
            }
        }
    }

    private static void assertFailsFast(String operation, Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).as(operation + " while the cluster is down")
            .isInstanceOf(GridUnavailableException.class)
            .hasMessageContaining(operation);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("[chaos] cluster-outage: %s failed after %d ms (operation timeout %d ms)%n", operation,
                took.toMillis(), OPERATION_TIMEOUT.toMillis());
        assertThat(took).as("%s failed within the operation timeout", operation)
            .isLessThan(OPERATION_TIMEOUT.plus(SLACK));
    }

}

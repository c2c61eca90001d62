package com.wedsync.grid.benchmarks;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Locale;

/**
 * One member built from the shipped catalog ({@link LoopbackGrid}, one port, no
 * auto-increment), and the clients of a benchmark. Close it in the benchmark's trial
 * tear-down: it shuts down everything it started.
 */
final class BenchGrid implements AutoCloseable {

    // The forked benchmark JVM's flags: Hazelcast's Java 17 module flags (the parent
    // pom's hazelcast.test.argLine), a common pool wider than 1 on 2-CPU machines, and
    // warnings only from the logs.

    static final String EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";

    static final String OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    static final String OPENS_NIO = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

    static final String OPENS_MANAGEMENT = "--add-opens=java.management/sun.management=ALL-UNNAMED";

    static final String OPENS_MANAGEMENT_INTERNAL = "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED";

    static final String COMMON_POOL = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4";

    static final String QUIET_LOGS = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    /**
     * Keys every read benchmark cycles through: a power of two, well under every near
     * cache's bound.
     */
    static final int KEYS = 1024;

    private final LoopbackGrid grid;

    private BenchGrid() {
        this.grid = LoopbackGrid.builder()
            .name("bench")
            .portSpan(1)
            .member((member) -> member.portAutoIncrement(false))
            .start(1);
    }

    /**
     * Starts the member.
     * @return the grid
     */
    static BenchGrid start() {
        return new BenchGrid();
    }

    /**
     * Connects a {@link GridClient} with meters in a registry of its own, as a service
     * would have.
     * @param catalog the client's catalog (the member always runs the shipped one)
     * @return the client
     */
    GridClient client(Catalog catalog) {
        GridClientSettings settings = GridClientSettings.defaults()
            .withCluster(this.grid.clusterName(), this.grid.addresses())
            .withCatalog(catalog, Clock.systemUTC());
        return this.grid.closeWith(GridClient.connect(settings, new SimpleMeterRegistry()));
    }

    /**
     * Connects a plain Hazelcast client: no wrapper, the wedding-key serializer, and the
     * given near caches.
     * @param nearCaches the near caches
     * @return the client
     */
    HazelcastInstance bareClient(NearCacheConfig... nearCaches) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(this.grid.clusterName());
        config.getNetworkConfig().setAddresses(this.grid.addresses());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        for (NearCacheConfig nearCache : nearCaches) {
            config.addNearCacheConfig(nearCache);
        }
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new WeddingKeySerializer());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        this.grid.closeWith(client::shutdown);
        return client;
    }

    @Override
    public void close() {
        this.grid.close();
    }

    /**
     * Returns the keys the read benchmarks use, one item of each of {@value #KEYS}
     * weddings.
     * @return the keys
     */
    static WeddingKey[] keys() {
        WeddingKey[] keys = new WeddingKey[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = new WeddingKey(String.format(Locale.ROOT, "w-2026-06-13-%04d", i), "timeline");
        }
        return keys;
    }

    /**
     * Returns the value stored under a key: a short timeline summary, below the
     * compression threshold.
     * @param key the key
     * @return the value
     */
    static String value(WeddingKey key) {
        return "ceremony 15:00, dinner 18:30 - " + key.weddingId();
    }

}

package com.wedsync.grid.client;

import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import com.wedsync.grid.config.hazelcast.Quorum;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Real members built from the catalog, in this JVM over loopback TCP, with a unique cluster name and free ports,
 * and the clients connected to them. Close it after the test: it shuts down every client and member it started.
 */
public final class TestGrid implements AutoCloseable {

    /** How long a test waits for the cluster to form or become safe. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final int PORT_SPAN = 6;

    private final String clusterName = "client-" + UUID.randomUUID();

    private final int basePort = freePort();

    private final Catalog catalog;

    private final Consumer<Config> memberCustomizer;

    private final Quorum quorum;

    private final List<HazelcastInstance> members = new ArrayList<>();

    private final List<GridClient> clients = new ArrayList<>();

    private TestGrid(Catalog catalog, Consumer<Config> memberCustomizer, Quorum quorum) {
        this.catalog = catalog;
        this.memberCustomizer = memberCustomizer;
        this.quorum = quorum;
    }

    /**
     * Starts members of the shipped catalog and waits until the cluster is safe.
     * @param size how many members
     * @return the grid
     */
    public static TestGrid start(int size) {
        return start(size, CatalogLoader.loadDefault());
    }

    /**
     * Starts members of a catalog and waits until the cluster is safe.
     * @param size how many members
     * @param catalog the catalog
     * @return the grid
     */
    public static TestGrid start(int size, Catalog catalog) {
        return start(size, catalog, (config) -> {
        });
    }

    /**
     * Starts members of a catalog, each with a change to the configuration the factory built, and waits until
     * the cluster is safe.
     * @param size how many members
     * @param catalog the catalog
     * @param memberCustomizer applied to every member's configuration, this one's and later ones', before start
     * @return the grid
     */
    public static TestGrid start(int size, Catalog catalog, Consumer<Config> memberCustomizer) {
        return start(size, catalog, memberCustomizer, Quorum.OFF);
    }

    /**
     * Starts members of the shipped catalog with split-brain protection, and waits until the cluster is safe.
     * @param size how many members
     * @param quorum the members' quorum (of the classes the catalog protects)
     * @return the grid
     */
    public static TestGrid startWithQuorum(int size, Quorum quorum) {
        return start(size, CatalogLoader.loadDefault(), (config) -> {
        }, quorum);
    }

    private static TestGrid start(int size, Catalog catalog, Consumer<Config> memberCustomizer, Quorum quorum) {
        TestGrid grid = new TestGrid(catalog, memberCustomizer, quorum);
        try {
            for (int i = 0; i < size; i++) {
                grid.startMember();
            }
            grid.awaitSafe(size);
            return grid;
        }
        catch (RuntimeException | Error ex) {
            grid.close();
            throw ex;
        }
    }

    /**
     * Starts one more member.
     * @return the member
     */
    public HazelcastInstance startMember() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PORT_SPAN; i++) {
            addresses.add("127.0.0.1:" + (this.basePort + i));
        }
        MemberSettings settings = MemberSettings.builder().clusterName(this.clusterName).members(addresses)
            .port(this.basePort).shutdownTimeout(Duration.ofSeconds(30)).build();
        Config config = HazelcastConfigFactory.memberConfig(this.catalog, settings.withQuorum(this.quorum));
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        this.memberCustomizer.accept(config);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        this.members.add(member);
        return member;
    }

    /**
     * Waits until the cluster has this many members and is safe.
     * @param size the member count
     */
    public void awaitSafe(int size) {
        await("cluster of " + size + " safe").atMost(TIMEOUT).until(() -> this.members.stream()
            .filter((m) -> m.getLifecycleService().isRunning())
            .allMatch((m) -> m.getCluster().getMembers().size() == size && m.getPartitionService().isClusterSafe()));
    }

    /**
     * Returns the settings of a client of this grid.
     * @return settings naming this cluster and its members
     */
    public GridClientSettings clientSettings() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PORT_SPAN; i++) {
            addresses.add("127.0.0.1:" + (this.basePort + i));
        }
        return GridClientSettings.defaults().withCluster(this.clusterName, addresses).withCatalog(this.catalog,
                java.time.Clock.systemUTC());
    }

    /**
     * Connects a client, with its own meter registry.
     * @param settings the client's settings, usually from {@link #clientSettings()}
     * @return the client
     */
    public GridClient client(GridClientSettings settings) {
        return client(settings, new SimpleMeterRegistry());
    }

    /**
     * Connects a client.
     * @param settings the client's settings
     * @param registry its meter registry
     * @return the client
     */
    public GridClient client(GridClientSettings settings, MeterRegistry registry) {
        GridClient client = GridClient.connect(settings, registry);
        this.clients.add(client);
        return client;
    }

    /**
     * Returns the members started so far.
     * @return the members, running or not
     */
    public List<HazelcastInstance> members() {
        return this.members;
    }

    /**
     * Returns the cluster name.
     * @return the name
     */
    public String clusterName() {
        return this.clusterName;
    }

    @Override
    public void close() {
        this.clients.forEach(GridClient::close);
        this.members.forEach((member) -> member.getLifecycleService().terminate());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

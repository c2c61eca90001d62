package com.wedsync.grid.config.hazelcast;

import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real Hazelcast members in this JVM, joined over loopback TCP, each configured by
 * {@link HazelcastConfigFactory#memberConfig} with a unique cluster name and free ports. Integration tests only:
 * close it in {@code @AfterEach} or {@code @AfterAll}.
 */
final class LoopbackCluster implements AutoCloseable {

    /** How long a test waits for the cluster to form, migrate or become safe. */
    static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(60);

    private static final String LOOPBACK = "127.0.0.1";

    /** Ports tried after the base port; the member list names them all. */
    private static final int PORT_SPAN = 8;

    private final Catalog catalog;

    private final MemberSettings settings;

    private final List<HazelcastInstance> members = new ArrayList<>();

    private LoopbackCluster(Catalog catalog, MemberSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * Starts members and waits until they all see each other and the cluster is safe.
     * @param catalog the catalog the members are configured from
     * @param namePrefix the start of the cluster name; a random UUID makes it unique
     * @param size how many members to start
     * @param memoryLimitBytes each member's cache memory limit
     * @param weddingPriority whether upcoming weddings are evicted last
     * @return the running cluster
     */
    static LoopbackCluster start(Catalog catalog, String namePrefix, int size, long memoryLimitBytes,
            boolean weddingPriority) {
        int basePort = freeBasePort();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PORT_SPAN; i++) {
            addresses.add(LOOPBACK + ":" + (basePort + i));
        }
        MemberSettings settings = MemberSettings.loopback(namePrefix + UUID.randomUUID(), memoryLimitBytes)
            .withPort(basePort, true)
            .withMembers(addresses);
        if (!weddingPriority) {
            settings = settings.toBuilder().weddingPriority(false).build();
        }
        LoopbackCluster cluster = new LoopbackCluster(catalog, settings);
        try {
            for (int i = 0; i < size; i++) {
                cluster.startMember();
            }
            cluster.awaitSizeAndSafe(size);
            return cluster;
        }
        catch (RuntimeException | Error ex) {
            cluster.close();
            throw ex;
        }
    }

    /**
     * Starts one more member of this cluster, configured by the factory plus the test properties.
     * @return the new member
     */
    HazelcastInstance startMember() {
        Config config = testConfig(HazelcastConfigFactory.memberConfig(this.catalog, this.settings));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        this.members.add(member);
        return member;
    }

    /**
     * Returns the running members, in start order.
     * @return the members
     */
    List<HazelcastInstance> members() {
        return this.members.stream().filter((member) -> member.getLifecycleService().isRunning()).toList();
    }

    /**
     * Returns a running member.
     * @param index the index among the running members
     * @return the member
     */
    HazelcastInstance member(int index) {
        return members().get(index);
    }

    /**
     * Waits until every running member sees {@code size} members.
     * @param size the expected cluster size
     */
    void awaitSize(int size) {
        await("cluster of " + size + " members").atMost(CLUSTER_TIMEOUT)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> members().size() == size
                    && members().stream().allMatch((member) -> member.getCluster().getMembers().size() == size));
    }

    /**
     * Waits until every running member sees {@code size} members and the cluster has no pending migrations and
     * every partition has all its backups.
     * @param size the expected cluster size
     */
    void awaitSizeAndSafe(int size) {
        await("cluster of " + size + " members formed and safe").atMost(CLUSTER_TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> members().size() == size
                    && members().stream().allMatch((member) -> member.getCluster().getMembers().size() == size
                            && member.getPartitionService().isClusterSafe()));
    }

    /** Terminates every member still running: tests that need the graceful path call shutdown themselves. */
    @Override
    public void close() {
        for (HazelcastInstance member : this.members) {
            member.getLifecycleService().terminate();
        }
        this.members.clear();
    }

    /**
     * Speeds up joining for tests: no wait before the join and a short TCP connection timeout (members on loopback
     * answer at once or not at all). The graceful shutdown stays bounded by the factory, from the settings.
     */
    private static Config testConfig(Config config) {
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(1);
        return config;
    }

    /**
     * Finds a port from which {@link #PORT_SPAN} consecutive ports are free on loopback. Another process may still
     * take one before a member binds it; port auto-increment and the member list over the whole span absorb that.
     */
    private static int freeBasePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ephemeralPort();
            if (candidate + PORT_SPAN <= 65535 && allFree(candidate, PORT_SPAN)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + PORT_SPAN + " consecutive free ports found on " + LOOPBACK);
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean allFree(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
                // Bound, so free; closed again at once.
            }
            catch (IOException ex) {
                return false;
            }
        }
        return true;
    }
}

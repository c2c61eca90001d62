package com.wedsync.grid.node;

import com.hazelcast.config.Config;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import com.wedsync.grid.config.hazelcast.Quorum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A cluster of test members on loopback with a name of its own (so it never joins a stray one): two member ports
 * from a free one, and member configurations from the shipped catalog that join at once.
 *
 * @param clusterName the cluster's name
 * @param basePort the first member's port; the second is the next one
 */
public record LoopbackCluster(String clusterName, int basePort) {

    /**
     * Names a new cluster on a free port.
     * @param prefix the start of its name
     * @return the cluster
     */
    public static LoopbackCluster named(String prefix) {
        return new LoopbackCluster(prefix + "-" + UUID.randomUUID(), freePort());
    }

    /**
     * Returns the member addresses, {@code 127.0.0.1:basePort,127.0.0.1:basePort+1}.
     * @return the addresses
     */
    public List<String> members() {
        return List.of("127.0.0.1:" + this.basePort, "127.0.0.1:" + (this.basePort + 1));
    }

    /**
     * Builds a member's configuration.
     * @param port the member's port; with auto-increment it takes the next free one of the two
     * @param autoIncrement whether the port may be incremented
     * @param memoryLimitBytes the member's cache memory limit
     * @return the configuration
     */
    public Config memberConfig(int port, boolean autoIncrement, long memoryLimitBytes) {
        return memberConfig(port, autoIncrement, memoryLimitBytes, Quorum.OFF);
    }

    /**
     * Builds a member's configuration with split-brain protection.
     * @param port the member's port; with auto-increment it takes the next free one of the two
     * @param autoIncrement whether the port may be incremented
     * @param memoryLimitBytes the member's cache memory limit
     * @param quorum the split-brain protection of the catalog's protected classes
     * @return the configuration
     */
    public Config memberConfig(int port, boolean autoIncrement, long memoryLimitBytes, Quorum quorum) {
        MemberSettings settings = MemberSettings.builder().clusterName(this.clusterName).members(members()).port(port)
            .portAutoIncrement(autoIncrement).memoryLimitBytes(memoryLimitBytes).shutdownTimeout(Duration.ofSeconds(20))
            .quorum(quorum).build();
        Config config = HazelcastConfigFactory.memberConfig(CatalogLoader.loadDefault(), settings);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        return config;
    }

    /**
     * Finds a port on loopback that is free, and the next one too (a cluster's second member takes it), below the
     * kernel's ephemeral range (32768 and up here): a port the kernel hands out can be taken by any outgoing
     * connection between this check and the member's bind, which made a member fail to start in a CI run.
     * @return the port
     */
    public static int freePort() {
        int first = 20_000 + ThreadLocalRandom.current().nextInt(6_000) * 2;
        for (int port = first; port < 32_000; port += 2) {
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no two free ports in a row on loopback from " + first));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        }
        catch (IOException ex) {
            return false;
        }
    }
}

package com.wedsync.grid.config.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;

/**
 * One real member on a free loopback port, configured by
 * {@link HazelcastConfigFactory#memberConfig} and then by the test (to switch a
 * protection off for a control case), and Hazelcast clients of it with bounded timeouts.
 * Integration tests only; the caller shuts down what it gets.
 */
final class SecurityProbe {

    /** How long a client tries to connect and an invocation may take. */
    static final int TIMEOUT_SECONDS = 15;

    private SecurityProbe() {
    }

    /**
     * Starts a one-member cluster of its own on one free loopback port (no
     * auto-increment).
     * @param namePrefix the start of the cluster name
     * @param customizer changes the factory's configuration (identity for the real one)
     * @return the running member
     */
    static HazelcastInstance member(String namePrefix, UnaryOperator<Config> customizer) {
        LoopbackGrid grid = LoopbackGrid.builder()
            .name(namePrefix)
            .portSpan(1)
            .member((member) -> member.portAutoIncrement(false).memoryLimitBytes(64 * HazelcastConfigFactory.MIB))
            .build();
        return grid.startMember(customizer.apply(grid.memberConfig()));
    }

    /**
     * Connects a client (smart routing, the wedding-key serializer) with bounded connect
     * and invocation timeouts.
     * @param member the member to connect to
     * @return the client
     */
    static HazelcastInstance client(HazelcastInstance member) {
        return client(member, UnaryOperator.identity());
    }

    /**
     * Connects a client as {@link #client(HazelcastInstance)} does, with more
     * configuration.
     * @param member the member to connect to
     * @param customizer what the test adds to the client's configuration (near caches,
     * say)
     * @return the client
     */
    static HazelcastInstance client(HazelcastInstance member, UnaryOperator<ClientConfig> customizer) {
        InetSocketAddress address = address(member);
        ClientConfig config = new ClientConfig();
        config.setClusterName(member.getConfig().getClusterName());
        config.getNetworkConfig().addAddress(address.getHostString() + ":" + address.getPort());
        config.getConnectionStrategyConfig()
            .getConnectionRetryConfig()
            .setClusterConnectTimeoutMillis(TIMEOUT_SECONDS * 1000L);
        config.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(TIMEOUT_SECONDS));
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new WeddingKeySerializer());
        return HazelcastClient.newHazelcastClient(customizer.apply(config));
    }

    /**
     * Shuts down what a test started, skipping what never started.
     * @param instances members and clients, some possibly {@code null}
     */
    static void shutdown(HazelcastInstance... instances) {
        for (HazelcastInstance instance : instances) {
            if (instance != null) {
                instance.shutdown();
            }
        }
    }

    /**
     * Returns the address the member listens on.
     * @param member the member
     * @return its host and port
     */
    static InetSocketAddress address(HazelcastInstance member) {
        var address = member.getCluster().getLocalMember().getAddress();
        return new InetSocketAddress(address.getHost(), address.getPort());
    }

}

package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ConnectionRetryConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.wedsync.grid.client.GridClientSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Hazelcast client configuration grid-client builds. What the settings do to a real
 * cluster is measured by grid-node's chaos ITs ({@code MemberLossIT},
 * {@code ClusterOutageIT}).
 */
class ClientRuntimeTests {

    private final ClientConfig config = ClientRuntime.clientConfig(GridClientSettings.defaults());

    @Test
    void ownersNotTheClientWaitForBackupAcksSoAWriteToADeadBackupEndsWhenItsMemberIsRemoved() {
        assertThat(this.config.isBackupAckToClientEnabled()).isFalse();
    }

    @Test
    void aClientNeverGivesUpReconnectingSinceConnectBoundsOnlyTheFirstConnection() {
        assertThat(this.config.getConnectionStrategyConfig().isAsyncStart()).isTrue();
        assertThat(
                this.config.getConnectionStrategyConfig().getConnectionRetryConfig().getClusterConnectTimeoutMillis())
            .isEqualTo(ConnectionRetryConfig.DEFAULT_CLUSTER_CONNECT_TIMEOUT_MILLIS);
    }

    @Test
    void operationsCutOffByADyingConnectionAreRedoneRatherThanFailed() {
        assertThat(this.config.getNetworkConfig().isRedoOperation()).isTrue();
    }

    @Test
    void onlyTheJdkBasicTypesAndTheListedClassesAreDeserialized() {
        JavaSerializationFilterConfig filter = ClientRuntime
            .clientConfig(GridClientSettings.defaults()
                .withDeserializationAllowList(List.of("com.example.rsvp.", "com.example.vendors.Quote")))
            .getSerializationConfig()
            .getJavaSerializationFilterConfig();

        assertThat(filter.isDefaultsDisabled()).isTrue();
        assertThat(filter.getWhitelist().getPrefixes()).containsExactlyInAnyOrder("java.lang.", "java.util.",
                "java.time.", "java.math.", "[", "com.example.rsvp.");
        assertThat(filter.getWhitelist().getClasses()).containsExactly("com.example.vendors.Quote");
    }

}

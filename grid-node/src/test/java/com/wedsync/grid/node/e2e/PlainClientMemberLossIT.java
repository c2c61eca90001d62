package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MemberLossIT}'s load and fault, through a plain Hazelcast Java client configured
 * by the shipped {@code clients/hazelcast-client.yaml} (only where to connect is set
 * here): a service that does not use grid-client loses no acknowledged write, sees no
 * error, and no write call takes over {@link #WRITE_CALL_BOUND} when one of three members
 * is sent SIGKILL. With the client's defaults instead, writes stall for the 5 s backup
 * timeout and fail on the dead connection. The full form ({@code -Dchaos.full=true}) runs
 * three cycles and kills the master too.
 */
class PlainClientMemberLossIT {

    /**
     * The longest write call asserted: one call, from sending it to its acknowledgement,
     * so the generator's own lag is not in it. The target is 1 s; what the defaults cost
     * is the 5 s backup timeout.
     */
    static final Duration WRITE_CALL_BOUND = Duration.ofSeconds(1);

    /** The shipped file, at the repository's root. */
    static final Path SHIPPED = NodeProcess.buildDir().getParent().getParent().resolve("clients/hazelcast-client.yaml");

    @RegisterExtension
    static final NodeProcess.Launcher nodes = new NodeProcess.Launcher();

    @Test
    void aKilledMemberLosesNoAcknowledgedWriteOfAPlainClientWithTheShippedSettingsNorFailsOrStallsOneOver1s()
            throws Exception {
        ChaosCluster cluster = ChaosCluster.start(nodes, "plain", 3, Map.of());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(shippedConfig(cluster));
        try {
            IMap<WeddingKey, String> weddings = client
                .getMap(CatalogLoader.loadDefault().policy(DataClass.WEDDING_DATA).mapName());
            cluster.runCycles(ChaosLoad.Store.of(weddings), ChaosProfile.current(), cluster::kill, (cycle) -> {
                ChaosLedger.Verification afterLoss = cluster.verify(cycle.ledger());
                System.out.printf(
                        "[chaos] plain-client member-loss cycle %d (SIGKILL member %d of 3): %s; read back:"
                                + " %s; longest write call %d ms%n",
                        cycle.number(), cycle.member(), cycle.result(), afterLoss,
                        cycle.result().longestWriteCall().toMillis());
                assertThat(cycle.exitCode()).as("exit code after SIGKILL").isEqualTo(137);
                assertThat(afterLoss.lost()).as("acknowledged writes lost after the kill: %s", afterLoss).isZero();
                assertThat(cycle.result().wrongReads()).as("reads of acknowledged writes that were wrong").isZero();
                assertThat(cycle.result().errors()).as("client errors").isEmpty();
                assertThat(cycle.result().longestWriteCall()).as("longest write call: %s", cycle.result())
                    .isLessThanOrEqualTo(WRITE_CALL_BOUND);
                cluster.restart(cycle.member());
            });
        }
        finally {
            client.shutdown();
        }
    }

    /**
     * Loads the shipped file and points it at the test's cluster; the wedding-key
     * serializer is the one Java services share through the config module (other
     * languages write the same Compact type, docs/client.md).
     */
    private static ClientConfig shippedConfig(ChaosCluster cluster) throws IOException {
        ClientConfig config = new YamlClientConfigBuilder(SHIPPED.toFile()).build();
        assertThat(config.isBackupAckToClientEnabled()).as("the shipped file's backup acks").isFalse();
        assertThat(config.getNetworkConfig().isRedoOperation()).as("the shipped file's redo").isTrue();
        config.setClusterName(cluster.clusterName());
        config.getNetworkConfig().setAddresses(cluster.addresses());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new WeddingKeySerializer());
        return config;
    }

}

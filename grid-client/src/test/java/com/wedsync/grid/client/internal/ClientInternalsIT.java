package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.map.IMap;
import com.wedsync.grid.client.TestClients;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every method of {@link ClientInternals} against a real Hazelcast client of a
 * two-member grid, so that an upgrade that renames, removes or changes what it reaches
 * into fails here, loudly. The near-cache reader's decisions are checked in depth by
 * {@link NearCacheReaderIT}, and the thread-per-task executor (which exists only in a JVM
 * whose common pool has parallelism 1) by {@link AsyncExecutorTests}.
 */
class ClientInternalsIT {

    private static final WeddingKey KEY = new WeddingKey("w-internals-1", "timeline");

    private static LoopbackGrid grid;

    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        grid = LoopbackGrid.builder().name("client-internals").start(2);
        ClientConfig config = ClientRuntime.clientConfig(TestClients.settings(grid));
        // a plain client starts connected; ClientRuntime.connect starts asynchronously
        // and waits itself
        config.getConnectionStrategyConfig().setAsyncStart(false);
        client = HazelcastClient.newHazelcastClient(config);
        grid.closeWith(client::shutdown);
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    @Test
    void aSerializedFormIsStoredAsItIsAndItsBytesReadBack() {
        ClientInternals.Serialization serialization = ClientInternals.serialization(client);
        String value = "{\"vendor\":\"Bloom & Petal\"}";

        Object data = serialization.toData(value);
        byte[] bytes = serialization.bytes(data);

        assertThat(serialization.size(data)).isEqualTo(bytes.length).isGreaterThan(value.length());
        assertThat(serialization.toObject(bytes)).isEqualTo(value);
        IMap<Object, Object> map = client.getMap("client-internals-plain");
        map.set(KEY, data);
        assertThat(map.get(KEY)).as("not serialized a second time").isEqualTo(value);
    }

    @Test
    void theClientIsConnectedToEveryMemberAndToNoOther() {
        Predicate<UUID> connected = ClientInternals.connections(client);
        List<UUID> members = client.getCluster().getMembers().stream().map(Member::getUuid).toList();

        assertThat(members).hasSize(2).allMatch(connected);
        assertThat(connected.test(UUID.randomUUID())).isFalse();
    }

    @Test
    void aNearCachedMapHasAReaderThatReservesPublishesReadsAndInvalidates() {
        IMap<Object, Object> map = client.getMap(CatalogLoader.loadDefault().policy(DataClass.WEDDING_DATA).mapName());
        ClientInternals.NearCacheReader reader = ClientInternals.nearCacheReader(map);
        assertThat(reader).isNotNull();
        assertThat(reader.answersHits()).isTrue();
        Object keyData = ClientInternals.serialization(client).toData(KEY);

        long reservation = reader.reserve(KEY, keyData);
        assertThat(reservation).isNotEqualTo(ClientInternals.NOT_RESERVED);
        assertThat(reader.reserve(KEY, keyData)).as("reserved already").isEqualTo(ClientInternals.NOT_RESERVED);
        reader.publish(KEY, "v1", reservation);
        assertThat(reader.get(KEY)).isEqualTo("v1");
        assertThat(ClientInternals.isValue(reader.get(KEY))).isTrue();

        reader.invalidate(KEY);
        assertThat(ClientInternals.isValue(reader.get(KEY))).isFalse();
        long cancelled = reader.reserve(KEY, keyData);
        reader.invalidate(KEY);
        reader.publish(KEY, "v0", cancelled);
        assertThat(reader.get(KEY)).as("an invalidation cancels the reservation").isNull();
    }

    @Test
    void aMapWithoutANearCacheHasNoReaderAndMarkersAreNoValues() {
        assertThat(ClientInternals.nearCacheReader(client.getMap("client-internals-plain"))).isNull();
        assertThat(ClientInternals.isValue(null)).isFalse();
        assertThat(ClientInternals.isValue(NearCache.NOT_CACHED)).isFalse();
        assertThat(ClientInternals.isValue(NearCache.CACHED_AS_NULL)).isFalse();
        assertThat(ClientInternals.isValue("v")).isTrue();
    }

    @Test
    void theDefaultAsyncExecutorIsReadAndReplaced() {
        Executor original = ClientInternals.asyncExecutor();
        assertThat(original).as("with a common pool of parallelism %d", ForkJoinPool.getCommonPoolParallelism())
            .isSameAs(ForkJoinPool.commonPool());
        assertThat(ClientInternals.isThreadPerTask(original)).isFalse();
        Executor replacement = Runnable::run;
        try {
            ClientInternals.asyncExecutor(replacement);
            assertThat(ClientInternals.asyncExecutor()).isSameAs(replacement);
        }
        finally {
            ClientInternals.asyncExecutor(original);
        }
    }

}

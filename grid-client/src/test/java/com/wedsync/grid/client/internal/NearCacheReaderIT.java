package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.NearCacheRecord;
import com.hazelcast.internal.nearcache.impl.DefaultNearCache;
import com.hazelcast.internal.nearcache.impl.invalidation.MetaDataContainer;
import com.hazelcast.internal.nearcache.impl.invalidation.StaleReadDetector;
import com.hazelcast.internal.nearcache.impl.store.AbstractNearCacheRecordStore;
import com.hazelcast.internal.util.Clock;
import com.hazelcast.map.IMap;
import com.hazelcast.nearcache.NearCacheStats;
import com.wedsync.grid.client.TestClients;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientInternals.NearCacheReader} decides as Hazelcast's {@code NearCache.get}
 * does: a hit returns the cached value and counts as a near-cache hit, and whatever makes
 * Hazelcast's read miss (an invalidation from another client's write, the invalidation
 * repair's newer stale sequence or new partition UUID, the time to live, max idle) makes
 * it miss too. Each client here has the near-cache expiration task slowed to once an
 * hour, so that an expired record is still in the record map when read: only the read's
 * own check can refuse it.
 */
class NearCacheReaderIT {

    private static final String MAP = "wedding_data";

    private static final WeddingKey KEY = new WeddingKey("w-reader-1", "timeline");

    @Test
    void aHitReturnsTheCachedValueAndCountsAsANearCacheHit() {
        withNearCache(Map.of(), (near) -> {
            near.map.set(KEY, "v1");
            assertThat(near.map.get(KEY)).isEqualTo("v1");
            NearCacheStats stats = near.nearCache.getNearCacheStats();
            long hits = stats.getHits();
            long misses = stats.getMisses();

            assertThat(near.reader.answersHits()).isTrue();
            assertThat(near.reader.get(KEY)).isEqualTo("v1").isSameAs(near.nearCache.get(KEY));
            assertThat(stats.getHits()).isEqualTo(hits + 2);
            assertThat(stats.getMisses()).isEqualTo(misses);

            WeddingKey absent = new WeddingKey("w-reader-absent", "timeline");
            assertThat(near.reader.get(absent)).isNull();
            assertThat(stats.getMisses()).isEqualTo(misses + 1);
            // IMap.get caches an absent key's null: the reader answers it as
            // NearCache.get does
            assertThat(near.map.get(absent)).isNull();
            assertThat(near.reader.get(absent)).isSameAs(NearCache.CACHED_AS_NULL);
            return null;
        });
    }

    @Test
    void anotherClientsWriteInvalidatesWhatTheReaderReturns() {
        withNearCache(Map.of(), (near) -> {
            near.map.set(KEY, "v1");
            near.map.get(KEY);
            assertThat(near.reader.get(KEY)).isEqualTo("v1");

            near.grid.members().get(0).getMap(MAP).set(KEY, "v2");

            await().atMost(LoopbackGrid.TIMEOUT).until(() -> near.reader.get(KEY) == null);
            assertThat(near.map.get(KEY)).isEqualTo("v2");
            assertThat(near.reader.get(KEY)).isEqualTo("v2");
            return null;
        });
    }

    @Test
    void aNewerStaleSequenceFromTheRepairMakesTheReaderMissAndDropTheRecord() {
        withNearCache(Map.of(), (near) -> {
            NearCacheRecord record = primed(near);
            MetaDataContainer partition = near.staleReadDetector().getMetaDataContainer(record.getPartitionId());
            // what RepairingHandler.updateLastKnownStaleSequence does when reconciliation
            // finds a missed invalidation
            long stale = partition.getStaleSequence();
            assertThat(partition.casStaleSequence(stale, record.getInvalidationSequence() + 1)).isTrue();

            assertThat(near.reader.get(KEY)).isNull();
            assertThat(near.store().getRecord(KEY)).as("the stale record is invalidated").isNull();
            return null;
        });
    }

    @Test
    void aNewPartitionUuidFromTheRepairMakesTheReaderMiss() {
        withNearCache(Map.of(), (near) -> {
            NearCacheRecord record = primed(near);
            MetaDataContainer partition = near.staleReadDetector().getMetaDataContainer(record.getPartitionId());
            // what RepairingHandler.checkOrRepairUuid does when a partition's owner lost
            // its data (a restart)
            partition.setUuid(UUID.randomUUID());

            assertThat(near.reader.get(KEY)).isNull();
            assertThat(near.store().getRecord(KEY)).isNull();
            return null;
        });
    }

    @Test
    void anExpiredRecordStillInTheNearCacheIsNotReturned() {
        withNearCache(Map.of("wedding_data.near-cache.ttl", "1s"), (near) -> {
            NearCacheRecord record = primed(near);

            await().atMost(Duration.ofSeconds(10)).until(() -> record.isExpiredAt(Clock.currentTimeMillis()));
            assertThat(near.store().getRecord(KEY)).as("not yet removed by the expiration task").isSameAs(record);

            assertThat(near.reader.get(KEY)).isNull();
            assertThat(near.store().getRecord(KEY)).isNull();
            return null;
        });
    }

    @Test
    void readsKeepARecordFromIdlingOutAndAnIdleRecordIsNotReturned() {
        withNearCache(Map.of("wedding_data.near-cache.max-idle", "3s"), (near) -> {
            NearCacheRecord record = primed(near);
            long start = System.nanoTime();

            // Read for twice the max idle: a read in a new second must write the access
            // time (kept in seconds), or the record would idle out while in use.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                assertThat(near.reader.get(KEY)).as("read while in use").isEqualTo("v1");
                return System.nanoTime() - start > Duration.ofSeconds(6).toNanos();
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> record.isIdleAt(3_000, Clock.currentTimeMillis()));
            assertThat(near.store().getRecord(KEY)).isSameAs(record);
            assertThat(near.reader.get(KEY)).isNull();
            return null;
        });
    }

    private static NearCacheRecord primed(NearCacheUnderTest near) {
        near.map.set(KEY, "v1");
        assertThat(near.map.get(KEY)).isEqualTo("v1");
        assertThat(near.reader.get(KEY)).isEqualTo("v1");
        NearCacheRecord record = near.store().getRecord(KEY);
        assertThat(record).isNotNull();
        return record;
    }

    private static void withNearCache(Map<String, String> catalogOverrides, Function<NearCacheUnderTest, ?> test) {
        Catalog catalog = CatalogLoader.loadDefault(catalogOverrides);
        try (LoopbackGrid grid = LoopbackGrid.builder().name("near-cache-reader").catalog(catalog).start(1)) {
            ClientConfig config = ClientRuntime.clientConfig(TestClients.settings(grid));
            // ClientRuntime.connect starts asynchronously and waits itself; a plain
            // client starts connected
            config.getConnectionStrategyConfig().setAsyncStart(false);
            config.setProperty("hazelcast.internal.nearcache.expiration.task.period.seconds", "3600");
            config.setProperty("hazelcast.internal.nearcache.expiration.task.initial.delay.seconds", "3600");
            HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
            try {
                IMap<Object, Object> map = client.getMap(catalog.policy(DataClass.WEDDING_DATA).mapName());
                NearCache<Object, Object> nearCache = ((NearCachedClientMapProxy<Object, Object>) map).getNearCache();
                test.apply(new NearCacheUnderTest(grid, map, nearCache, ClientInternals.NearCacheReader.of(nearCache)));
            }
            finally {
                client.shutdown();
            }
        }
    }

    private record NearCacheUnderTest(LoopbackGrid grid, IMap<Object, Object> map, NearCache<Object, Object> nearCache,
            ClientInternals.NearCacheReader reader) {

        @SuppressWarnings("unchecked")
        AbstractNearCacheRecordStore<Object, Object, ?, NearCacheRecord, ?> store() {
            return (AbstractNearCacheRecordStore<Object, Object, ?, NearCacheRecord, ?>) ((DefaultNearCache<Object, Object>) this.nearCache)
                .getNearCacheRecordStore();
        }

        StaleReadDetector staleReadDetector() {
            return store().getStaleReadDetector();
        }
    }

}

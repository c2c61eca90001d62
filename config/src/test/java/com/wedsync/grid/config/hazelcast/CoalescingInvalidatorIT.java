package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.key.WeddingKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The member's coalescing near-cache invalidator, against a real client's near cache: a lone write's event leaves
 * at once, a bulk load's keys leave in events of up to 100, and every near-cached entry the load overwrote is
 * dropped, so the reader sees the new values.
 */
class CoalescingInvalidatorIT {

    private static final long MEMORY_LIMIT = 256 * HazelcastConfigFactory.MIB;

    private static final int KEYS = 10_000;

    private static final int CACHED = 500;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final DataClassPolicy wedding = this.catalog.policy(DataClass.WEDDING_DATA);

    private LoopbackCluster cluster;

    private HazelcastInstance reader;

    private HazelcastInstance writer;

    @AfterEach
    void stop() {
        SecurityProbe.shutdown(this.reader, this.writer);
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void aLoneWriteIsSentAtOnceAndABulkLoadInEventsOfAHundredKeysThatReachTheReader() {
        this.cluster = LoopbackCluster.start(this.catalog, "coalescing-", 1, MEMORY_LIMIT, true);
        HazelcastInstance member = this.cluster.member(0);
        CoalescingInvalidator invalidator = InvalidatorInstaller.installed(member);
        assertThat(invalidator).as("the started member's invalidator").isNotNull();
        String mapName = this.wedding.mapName();
        this.reader = SecurityProbe.client(member,
                (config) -> config.addNearCacheConfig(HazelcastConfigFactory.nearCacheConfig(this.wedding)));
        this.writer = SecurityProbe.client(member, (config) -> config);
        IMap<WeddingKey, String> readerMap = this.reader.getMap(mapName);
        IMap<WeddingKey, String> writerMap = this.writer.getMap(mapName);

        writerMap.putAll(values("v1"));
        for (int i = 0; i < CACHED; i++) {
            assertThat(readerMap.get(key(i))).isEqualTo("v1");
        }
        assertThat(readerMap.getLocalMapStats().getNearCacheStats().getOwnedEntryCount()).isEqualTo(CACHED);

        await("the window after the load closes").atMost(Duration.ofSeconds(5))
            .until(() -> !invalidator.gathering(mapName));
        // Hazelcast answers a write before it invalidates, so the write's own return says nothing: invalidate
        // directly, as the write does.
        long eventsBefore = invalidator.events();
        invalidator.invalidateKey(MemberInternals.nodeEngine(member).toData(key(0)), mapName,
                member.getCluster().getLocalMember().getUuid());
        assertThat(invalidator.events()).as("events right after a lone invalidation").isEqualTo(eventsBefore + 1);
        writerMap.set(key(0), "lone");
        await("the reader sees the lone write").atMost(Duration.ofSeconds(5))
            .until(() -> "lone".equals(readerMap.get(key(0))));

        long events = invalidator.events();
        long invalidations = invalidator.invalidations();
        long start = System.nanoTime();
        writerMap.putAll(values("v2"));
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        await("every invalidation of the load is sent").atMost(Duration.ofSeconds(5))
            .until(() -> !invalidator.gathering(mapName));
        long loadEvents = invalidator.events() - events;
        System.out.printf("[measure] putAll of %d keys in %d ms: %d invalidation events%n", KEYS, elapsedMillis,
                loadEvents);
        assertThat(invalidator.invalidations() - invalidations).isEqualTo(KEYS);
        // At most one event per 100 keys, plus one per window (1 ms) the load took, plus the first, sent at once.
        assertThat(loadEvents).isLessThanOrEqualTo(KEYS / CoalescingInvalidator.BATCH + elapsedMillis + 2)
            .isLessThan(KEYS / 10);
        await("the reader sees every overwritten value").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < CACHED; i++) {
                assertThat(readerMap.get(key(i))).as("key %d", i).isEqualTo("v2");
            }
        });
    }

    private static Map<WeddingKey, String> values(String value) {
        Map<WeddingKey, String> values = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            values.put(key(i), value);
        }
        return values;
    }

    private static WeddingKey key(int i) {
        return new WeddingKey("wedding-" + (i % 1_000), "item-" + i);
    }
}

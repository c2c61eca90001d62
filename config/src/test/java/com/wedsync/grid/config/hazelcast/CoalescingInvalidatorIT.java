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
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The member's coalescing near-cache invalidator: the first invalidations of a window
 * leave at once, the rest in events of up to 100 within the window; against a real
 * client's near cache, a bulk load costs a fraction of an event per key, and every
 * near-cached entry the load overwrote is dropped, so the reader sees the new values.
 */
class CoalescingInvalidatorIT {

    private static final long MEMORY_LIMIT = 256 * HazelcastConfigFactory.MIB;

    private static final int KEYS = 10_000;

    private static final int CACHED = 500;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final DataClassPolicy wedding = this.catalog.policy(DataClass.WEDDING_DATA);

    private LoopbackGrid cluster;

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
    void aBulkLoadIsSentInEventsOfUpToAHundredKeysThatReachTheReader() {
        this.cluster = LoopbackGrid.builder()
            .name("coalescing")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        CoalescingInvalidator<?> invalidator = InvalidatorInstaller.installed(member);
        assertThat(invalidator).as("the started member's invalidator").isNotNull();
        String mapName = this.wedding.mapName();
        this.reader = SecurityProbe.client(member,
                (config) -> config.addNearCacheConfig(HazelcastConfigFactory.nearCacheConfig(this.wedding)));
        this.writer = SecurityProbe.client(member, (config) -> config);
        IMap<WeddingKey, String> readerMap = this.reader.getMap(mapName);
        IMap<WeddingKey, String> writerMap = this.writer.getMap(mapName);

        writerMap.putAll(values("v1"));
        // The first load's last invalidations may still be under way and drop entries
        // just cached: read until the near cache holds all of them.
        await("the reader's near cache holds " + CACHED + " entries").atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> {
                for (int i = 0; i < CACHED; i++) {
                    assertThat(readerMap.get(key(i))).isEqualTo("v1");
                }
                assertThat(readerMap.getLocalMapStats().getNearCacheStats().getOwnedEntryCount()).isEqualTo(CACHED);
            });

        await("the load's last invalidations are sent").atMost(Duration.ofSeconds(5))
            .until(() -> !invalidator.gathering(mapName));
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
        // At most one event per 100 keys plus, per window (1 ms) the load took, one at
        // its end and, after a pause of a window or more, 8 sent at once: a fifth of the
        // events Hazelcast would send is a generous bound.
        assertThat(loadEvents)
            .isLessThanOrEqualTo(
                    KEYS / CoalescingInvalidator.BATCH + (CoalescingInvalidator.SENT_AT_ONCE + 1) * (elapsedMillis + 2))
            .isLessThan(KEYS / 5);
        await("the reader sees every overwritten value").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < CACHED; i++) {
                assertThat(readerMap.get(key(i))).as("key %d", i).isEqualTo("v2");
            }
        });
    }

    @Test
    void theFirstEightInvalidationsOfAQuietWindowAreSentAtOnceAndTheRestInEventsWithinAWindow() {
        this.cluster = LoopbackGrid.builder()
            .name("coalescing-window")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
        // Not installed: its own sequence numbers, the member's event service, the test's
        // clock, and a timer whose one thread runs nothing until the test lets it.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        CountDownLatch held = new CountDownLatch(1);
        timer.execute(() -> awaitQuietly(held));
        MemberInternals.MapInvalidator hazelcast = new MemberInternals.MapInvalidator(
                MemberInternals.nodeEngine(member), now::get, timer);
        CoalescingInvalidator<?> invalidator = hazelcast.coalescing;
        try {
            String mapName = this.wedding.mapName();
            UUID source = member.getCluster().getLocalMember().getUuid();
            for (int i = 0; i < CoalescingInvalidator.SENT_AT_ONCE; i++) {
                hazelcast.invalidateKey(MemberInternals.nodeEngine(member).toData(key(i)), mapName, source);
            }
            assertThat(invalidator.events()).as("events of the first 8, each sent at once").isEqualTo(8);
            assertThat(invalidator.gathering(mapName)).isFalse();

            for (int i = 8; i < 8 + 150; i++) {
                hazelcast.invalidateKey(MemberInternals.nodeEngine(member).toData(key(i)), mapName, source);
            }
            assertThat(invalidator.events()).as("the next 100 as one event, at once").isEqualTo(9);
            assertThat(invalidator.gathering(mapName)).as("50 waiting").isTrue();
            assertThat(invalidator.events()).as("nothing more until the window's end").isEqualTo(9);
            held.countDown();
            await("the 50 left are sent at the window's end").atMost(Duration.ofSeconds(5))
                .until(() -> !invalidator.gathering(mapName));
            assertThat(invalidator.events()).isEqualTo(10);

            now.addAndGet(CoalescingInvalidator.WINDOW_NANOS);
            hazelcast.invalidateKey(MemberInternals.nodeEngine(member).toData(key(0)), mapName, source);
            assertThat(invalidator.events()).as("the window after a busy one gathers from its first").isEqualTo(10);
            await("it is sent at that window's end").atMost(Duration.ofSeconds(5))
                .until(() -> !invalidator.gathering(mapName));
            assertThat(invalidator.events()).isEqualTo(11);

            now.addAndGet(CoalescingInvalidator.WINDOW_NANOS);
            hazelcast.invalidateKey(MemberInternals.nodeEngine(member).toData(key(1)), mapName, source);
            assertThat(invalidator.events()).as("after a quiet window, at once again").isEqualTo(12);
            assertThat(invalidator.invalidations()).isEqualTo(8 + 150 + 2);
        }
        finally {
            hazelcast.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
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

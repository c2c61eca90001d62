package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.client.internal.StoredForms;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.config.testkit.LoopbackPorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A region against one real member: L1 after the first read, metrics by result, single
 * flight, errors.
 */
class CacheRegionIT {

    private static LoopbackGrid grid;

    private static GridClient client;

    private static SimpleMeterRegistry registry;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("cache-region").start(1);
        registry = new SimpleMeterRegistry();
        client = TestClients.connect(grid, registry);
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void theSecondReadIsAnL1Hit() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
        WeddingKey key = new WeddingKey("w-l1", "timeline");
        region.put(key, "ceremony at 3pm");
        double l1Before = gets("wedding_data", "l1_hit");

        assertThat(region.get(key)).isEqualTo("ceremony at 3pm");
        assertThat(region.get(key)).isEqualTo("ceremony at 3pm");

        assertThat(gets("wedding_data", "l1_hit") - l1Before).isEqualTo(1);
    }

    @Test
    void aMissingKeyIsCountedAsAMissAndReadsNull() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        double missesBefore = gets("vendor_responses", "miss");

        assertThat(region.get(new WeddingKey("w-none", "nothing"))).isNull();

        assertThat(gets("vendor_responses", "miss") - missesBefore).isEqualTo(1);
    }

    @Test
    void getAllReadsFromBothLayers() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.GUEST_INTERACTIONS, String.class);
        WeddingKey a = new WeddingKey("w-all", "a");
        WeddingKey b = new WeddingKey("w-all", "b");
        region.put(a, "A");
        region.put(b, "B");
        region.get(a);

        Map<WeddingKey, String> all = region.getAll(Set.of(a, b, new WeddingKey("w-all", "c")));

        assertThat(all).containsExactlyInAnyOrderEntriesOf(Map.of(a, "A", b, "B"));
    }

    @Test
    void thirtyTwoConcurrentMissesMakeOneLoaderCall() throws Exception {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey key = new WeddingKey("w-flight", "quote");
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> region.getOrLoad(key, (k) -> {
                    calls.incrementAndGet();
                    await(release);
                    return "loaded";
                })));
            }
            org.awaitility.Awaitility.await().atMost(LoopbackGrid.TIMEOUT).until(() -> calls.get() == 1);
            release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("loaded");
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(region.get(key)).isEqualTo("loaded");
    }

    @Test
    void aFailingLoaderReachesTheCallerAndNothingIsCached() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey key = new WeddingKey("w-fail", "quote");

        assertThatThrownBy(() -> region.getOrLoad(key, (k) -> {
            throw new IllegalStateException("vendor API down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("vendor API down");

        assertThat(region.get(key)).isNull();
        assertThat(region.getOrLoad(key, (k) -> "second try")).isEqualTo("second try");
    }

    @Test
    void largeValuesAreCompressedAndReadBackIntact() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.PHOTO_THUMBNAILS, String.class);
        WeddingKey key = new WeddingKey("w-big", "gallery");
        String value = "{\"vendor\":\"Bloom & Petal\",\"items\":[" + "{\"sku\":\"peony\",\"qty\":12},".repeat(400)
                + "]}";

        region.put(key, value);

        assertThat(client.hazelcast().getMap("photo_thumbnails").get(key)).matches(StoredForms::isCompressed,
                "a compressed value");
        assertThat(region.get(key)).isEqualTo(value);
        assertThat(registry.get("grid.region.compression.ratio").tag("region", "photo_thumbnails").summary().max())
            .isLessThan(0.5);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);

        assertThatThrownBy(() -> region.put(null, "v")).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> region.put(new WeddingKey("w", "i"), null)).isInstanceOf(NullPointerException.class)
            .hasMessage("value");
        assertThatThrownBy(() -> region.put(new WeddingKey("w", "i"), "v", java.time.Duration.ofDays(90)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("ttl (90d) of region wedding_data must lie between ttl.min (1h) and ttl.max (14d)");
        assertThatThrownBy(() -> client.region("weddings", String.class)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown data class 'weddings'");
    }

    @Test
    void theTtlComesFromThePolicyUnlessGiven() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
        com.hazelcast.map.IMap<Object, Object> map = client.hazelcast().getMap("wedding_data");
        WeddingKey plain = new WeddingKey("w-ttl", "plain");
        WeddingKey dated = new WeddingKey("w-ttl", "dated");
        WeddingKey given = new WeddingKey("w-ttl", "given");

        region.put(plain, "v");
        region.put(dated, "v", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30),
                com.wedsync.grid.config.ttl.AccessHint.NORMAL);
        region.put(given, "v", java.time.Duration.ofHours(3));

        assertThat(map.getEntryView(plain).getTtl()).isEqualTo(java.time.Duration.ofHours(24).toMillis());
        assertThat(map.getEntryView(dated).getTtl()).isEqualTo(java.time.Duration.ofHours(1).toMillis());
        assertThat(map.getEntryView(given).getTtl()).isEqualTo(java.time.Duration.ofHours(3).toMillis());
    }

    @Test
    void putAllWritesEveryValueWithThePolicyTtlAndReplacesWhatL1Held() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
        com.hazelcast.map.IMap<Object, Object> map = client.hazelcast().getMap("wedding_data");
        Map<WeddingKey, String> entries = new java.util.HashMap<>();
        for (int i = 0; i < 500; i++) {
            entries.put(new WeddingKey("w-bulk-" + (i % 7), "item-" + i), "value-" + i);
        }
        WeddingKey cached = new WeddingKey("w-bulk-0", "item-0");
        region.put(cached, "old");
        region.get(cached);
        region.get(cached);

        region.putAll(entries);

        assertThat(region.getAll(entries.keySet())).containsExactlyInAnyOrderEntriesOf(entries);
        assertThat(region.get(cached)).isEqualTo("value-0");
        assertThat(map.getEntryView(new WeddingKey("w-bulk-3", "item-3")).getTtl())
            .isEqualTo(java.time.Duration.ofHours(24).toMillis());
    }

    @Test
    void putAllCompressesLargeValuesAndWritesNothingWhenOneIsBad() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey large = new WeddingKey("w-bulk-bad", "large");
        WeddingKey small = new WeddingKey("w-bulk-bad", "small");
        String json = "{\"items\":[" + "{\"sku\":\"rose\",\"qty\":4},".repeat(200) + "]}";
        Map<WeddingKey, String> withNull = new java.util.HashMap<>();
        withNull.put(small, "s");
        withNull.put(large, null);

        assertThatThrownBy(() -> region.putAll(withNull)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> region.putAll(null)).isInstanceOf(NullPointerException.class).hasMessage("entries");
        assertThat(region.get(small)).isNull();

        region.putAll(Map.of(large, json, small, "s"));

        assertThat(client.hazelcast().getMap("vendor_responses").get(large)).matches(StoredForms::isCompressed,
                "a compressed value");
        assertThat(region.getAll(Set.of(large, small)))
            .containsExactlyInAnyOrderEntriesOf(Map.of(large, json, small, "s"));
    }

    @Test
    void putIfAbsentKeepsTheFirstValueEvenWhenCompressed() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey key = new WeddingKey("w-pia", "quote");
        String first = "first ".repeat(500);

        assertThat(region.putIfAbsent(key, first)).isNull();
        assertThat(region.putIfAbsent(key, "second")).isEqualTo(first);
        assertThat(region.get(key)).isEqualTo(first);
    }

    @Test
    void clearRemovesEveryEntryOfTheClass() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.GUEST_INTERACTIONS, String.class);
        WeddingKey key = new WeddingKey("w-clear", "rsvp");
        region.put(key, "yes");
        region.get(key);

        region.clear();

        assertThat(region.get(key)).isNull();
        assertThat(client.hazelcast().getMap("guest_interactions").size()).isZero();
    }

    @Test
    void asyncVariantsCompleteWithTheSameResults() throws Exception {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.SYSTEM_CACHE, String.class);
        WeddingKey key = new WeddingKey("w-async", "config");

        region.putAsync(key, "on").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(region.getAsync(key).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("on");
        assertThat(region.getAsync(key).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("on");
        region.removeAsync(key).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(region.getAsync(key).toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(region.getOrLoadAsync(key, (k) -> "loaded").toCompletableFuture().get(10, TimeUnit.SECONDS))
            .isEqualTo("loaded");
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingBothTypes() {
        CacheRegion<WeddingKey, Object> raw = client.region(DataClass.SYSTEM_CACHE, Object.class);
        CacheRegion<WeddingKey, Integer> typed = client.region(DataClass.SYSTEM_CACHE, Integer.class);
        WeddingKey key = new WeddingKey("w-type", "flag");
        raw.put(key, "text");

        assertThatThrownBy(() -> typed.get(key)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("holds a java.lang.String under key")
            .hasMessageContaining("not the java.lang.Integer this region reads");
    }

    /**
     * The connect waits out its timeout (2 s), then shuts the Hazelcast client down; 10 s
     * bounds both with room for a loaded 2-CPU machine and still fails a client that
     * waits its own cluster-connect timeout instead.
     */
    @Test
    void anUnreachableClusterFailsAfterTheConnectTimeoutWithin10sNamingClusterAndMembers() {
        GridClientSettings nowhere = GridClientSettings.defaults()
            .withCluster("nobody-home", java.util.List.of("127.0.0.1:" + LoopbackPorts.freePort()))
            .withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2));
        long start = System.nanoTime();

        assertThatThrownBy(() -> GridClient.connect(nowhere, new SimpleMeterRegistry()))
            .isInstanceOf(GridUnavailableException.class)
            .hasMessageStartingWith("cannot reach cluster 'nobody-home' at [127.0.0.1:")
            .hasMessageEndingWith("within 2s (connectTimeout)");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("time until the connect failed")
            .isBetween(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10));
    }

    private static double gets(String region, String result) {
        return registry.get("grid.region.gets").tag("region", region).tag("result", result).counter().count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}

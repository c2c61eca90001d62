package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.TestClients;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueRetrievalException;
import org.springframework.cache.Cache;

/**
 * The Spring cache contract of {@link GridCacheManager} and its caches, against one real
 * member.
 */
class GridCacheIT {

    private static LoopbackGrid grid;

    private static GridClient client;

    private static GridClient otherClient;

    private static GridCacheManager manager;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("grid-cache").start(1);
        // the test's Serializable value type, as a service names the types it caches
        GridClientSettings settings = TestClients.settings(grid)
            .withDeserializationAllowList(List.of(Quote.class.getName()));
        client = TestClients.connect(grid, settings);
        otherClient = TestClients.connect(grid, settings);
        manager = new GridCacheManager(client);
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void theCachesAreTheDataClasses() {
        assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("wedding_data", "vendor_responses",
                "guest_interactions", "photo_thumbnails", "system_cache");
        assertThat(manager.getCache("vendor_responses").getName()).isEqualTo("vendor_responses");
        assertThat(manager.getCache("vendor_responses")).isSameAs(manager.getCache("vendor_responses"));
        assertThat(manager.getCache("vendor_responses").getNativeCache()).isInstanceOf(CacheRegion.class);
    }

    @Test
    void anUnknownCacheNameReadsNull() {
        assertThat(manager.getCache("weddings")).isNull();
    }

    @Test
    void aMissReadsNullAndAHitReadsAWrapper() {
        Cache cache = manager.getCache("system_cache");

        assertThat(cache.get("feature-flags")).isNull();
        cache.put("feature-flags", "rsvp-v2");

        assertThat(cache.get("feature-flags")).extracting(Cache.ValueWrapper::get).isEqualTo("rsvp-v2");
        assertThat(cache.get("feature-flags", String.class)).isEqualTo("rsvp-v2");
        assertThat(otherClient.region(DataClass.SYSTEM_CACHE, String.class).get("feature-flags")).isEqualTo("rsvp-v2");
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        Cache cache = manager.getCache("system_cache");
        cache.put("max-guests", 250);

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> cache.get("max-guests", String.class))
            .withMessage("cache system_cache holds a java.lang.Integer under key max-guests, not the java.lang.String "
                    + "asked for");
    }

    @Test
    void puttingNullEvicts() {
        Cache cache = manager.getCache("guest_interactions");
        cache.put("rsvp:118", "attending");

        cache.put("rsvp:118", null);

        assertThat(cache.get("rsvp:118")).isNull();
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        Cache cache = manager.getCache("vendor_responses");

        assertThat(cache.putIfAbsent("florist:quote", "1200")).isNull();
        assertThat(cache.putIfAbsent("florist:quote", "900")).extracting(Cache.ValueWrapper::get).isEqualTo("1200");
        assertThat(cache.get("florist:quote", String.class)).isEqualTo("1200");
    }

    @Test
    void aLoaderRunsOnceAndItsValueIsStored() {
        Cache cache = manager.getCache("wedding_data");
        WeddingKey key = new WeddingKey("w-load", "timeline");
        AtomicInteger calls = new AtomicInteger();

        assertThat(cache.get(key, () -> "ceremony at " + calls.incrementAndGet() + "pm")).isEqualTo("ceremony at 1pm");
        assertThat(cache.get(key, () -> "ceremony at " + calls.incrementAndGet() + "pm")).isEqualTo("ceremony at 1pm");

        assertThat(calls).hasValue(1);
        assertThat(otherClient.region(DataClass.WEDDING_DATA, String.class).get(key)).isEqualTo("ceremony at 1pm");
    }

    @Test
    void aLoadersExceptionIsWrappedAndNothingIsStored() {
        Cache cache = manager.getCache("vendor_responses");
        IOException down = new IOException("vendor API down");

        assertThatExceptionOfType(ValueRetrievalException.class).isThrownBy(() -> cache.get("caterer:quote", () -> {
            throw down;
        })).satisfies((ex) -> {
            assertThat(ex.getCause()).isSameAs(down);
            assertThat(ex.getKey()).isEqualTo("caterer:quote");
        });
        assertThat(cache.get("caterer:quote")).isNull();
    }

    @Test
    void retrieveReadsWithoutALoader() throws Exception {
        Cache cache = manager.getCache("photo_thumbnails");
        cache.put("album:cover", "jpeg-bytes");

        assertThat(cache.retrieve("album:cover").get(30, TimeUnit.SECONDS)).isEqualTo("jpeg-bytes");
        assertThat(cache.retrieve("album:back").get(30, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void concurrentAsyncMissesShareOneLoaderCallWhoseValueIsStored() throws Exception {
        Cache cache = manager.getCache("vendor_responses");
        CompletableFuture<Quote> slowVendor = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();

        CompletableFuture<Quote> first = cache.retrieve("band:quote", () -> {
            calls.incrementAndGet();
            return slowVendor;
        });
        await().atMost(LoopbackGrid.TIMEOUT).until(() -> calls.get() == 1);
        CompletableFuture<Quote> second = cache.retrieve("band:quote", () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(new Quote("band", 1));
        });
        assertThat(second).isNotDone();
        slowVendor.complete(new Quote("band", 4200));

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(new Quote("band", 4200));
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(new Quote("band", 4200));
        assertThat(calls).hasValue(1);
        assertThat(cache.get("band:quote", Quote.class)).isEqualTo(new Quote("band", 4200));
    }

    @Test
    void anAsyncLoadersFailureReachesTheCallerAndNothingIsStored() {
        Cache cache = manager.getCache("vendor_responses");
        IllegalStateException down = new IllegalStateException("vendor API down");

        CompletableFuture<Object> result = cache.retrieve("dj:quote", () -> CompletableFuture.failedFuture(down));

        assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(30, TimeUnit.SECONDS))
            .withCause(down);
        assertThat(cache.get("dj:quote")).isNull();
    }

    @Test
    void evictRemovesTheKeyFromTheGrid() {
        // Another client that had read the key would drop it from its near cache when the
        // member's batched invalidation arrives (up to 10 s later); that is the region's
        // behaviour, not this adapter's.
        Cache cache = manager.getCache("guest_interactions");
        cache.put("rsvp:7", "declined");
        cache.put("rsvp:8", "attending");
        assertThat(cache.get("rsvp:7")).isNotNull();

        cache.evict("rsvp:7");
        cache.evictIfPresent("rsvp:8");

        assertThat(cache.get("rsvp:7")).isNull();
        assertThat(cache.get("rsvp:8")).isNull();
        CacheRegion<String, String> elsewhere = otherClient.region(DataClass.GUEST_INTERACTIONS, String.class);
        assertThat(elsewhere.get("rsvp:7")).isNull();
        assertThat(elsewhere.get("rsvp:8")).isNull();
    }

    @Test
    void clearEmptiesTheDataClassForEveryClient() {
        Cache cache = manager.getCache("photo_thumbnails");
        CacheRegion<String, String> seenElsewhere = otherClient.region(DataClass.PHOTO_THUMBNAILS, String.class);
        cache.put("thumb:1", "a");
        cache.put("thumb:2", "b");
        assertThat(seenElsewhere.get("thumb:1")).isEqualTo("a");

        cache.clear();

        assertThat(cache.get("thumb:2")).isNull();
        assertThat(client.hazelcast().getMap("photo_thumbnails").size()).isZero();
        await().atMost(LoopbackGrid.TIMEOUT).until(() -> seenElsewhere.get("thumb:1") == null);
    }

    @Test
    void resetCachesLeavesTheGridAlone() {
        Cache cache = manager.getCache("system_cache");
        cache.put("locale", "en-GB");

        manager.resetCaches();

        assertThat(manager.getCache("system_cache")).isNotSameAs(cache);
        assertThat(manager.getCache("system_cache").get("locale", String.class)).isEqualTo("en-GB");
    }

    record Quote(String vendor, long cents) implements Serializable {
    }

}

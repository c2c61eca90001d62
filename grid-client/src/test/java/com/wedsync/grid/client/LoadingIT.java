package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * getOrLoad's optional behaviours against a real member: negative caching, and
 * refresh-ahead driven by an injected clock, so that a hot key reloads in the background
 * before it expires while readers keep getting the old value.
 */
class LoadingIT {

    private static LoopbackGrid grid;

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-06-13T10:00:00Z"));

    private static GridClient client;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("loading").start(1);
        GridClientSettings settings = TestClients.settings(grid)
            .withCatalog(grid.catalog(), clock)
            .withLoading(Duration.ofMinutes(5), 0.2);
        client = TestClients.connect(grid, settings);
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aLoadThatFoundNothingIsRememberedUntilTheKeyIsWritten() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey key = new WeddingKey("w-neg", "quote");
        AtomicInteger calls = new AtomicInteger();

        assertThat(region.getOrLoad(key, (k) -> count(calls, null))).isNull();
        assertThat(region.getOrLoad(key, (k) -> count(calls, "found"))).isNull();
        assertThat(calls).hasValue(1);

        region.put(key, "written");
        assertThat(region.getOrLoad(key, (k) -> count(calls, "found"))).isEqualTo("written");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aHotEntryReloadsInTheBackgroundNearTheEndOfItsTtl() {
        CacheRegion<WeddingKey, String> region = client.region(DataClass.VENDOR_RESPONSES, String.class);
        WeddingKey key = new WeddingKey("w-hot", "quote");
        AtomicInteger calls = new AtomicInteger();
        assertThat(region.getOrLoad(key, (k) -> count(calls, "v1"))).isEqualTo("v1");

        // vendor_responses: base TTL 1h, refresh-ahead 20 %: due between 48 and 54
        // minutes after the load
        clock.advance(Duration.ofMinutes(47));
        assertThat(region.getOrLoad(key, (k) -> count(calls, "v2"))).isEqualTo("v1");
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofMinutes(8));
        assertThat(region.getOrLoad(key, (k) -> count(calls, "v2"))).isEqualTo("v1");
        await().atMost(LoopbackGrid.TIMEOUT).untilAsserted(() -> assertThat(region.get(key)).isEqualTo("v2"));
        assertThat(calls).hasValue(2);

        assertThat(region.getOrLoad(key, (k) -> count(calls, "v3"))).isEqualTo("v2");
        assertThat(calls).as("one refresh per due time").hasValue(2);
    }

    private static String count(AtomicInteger calls, String value) {
        calls.incrementAndGet();
        return value;
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {

        private final AtomicLong millis;

        MutableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration duration) {
            this.millis.addAndGet(duration.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(this.millis.get());
        }

    }

}

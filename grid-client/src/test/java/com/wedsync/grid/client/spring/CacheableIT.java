package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.TestClients;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot application with {@code @Cacheable} methods, started as services
 * start (auto-configuration from the jar's imports file, the environment post-processor
 * from spring.factories), against one real member. A second client, outside the
 * application, sees what reached the grid.
 */
class CacheableIT {

    private static LoopbackGrid grid;

    private static CacheRegion<Object, Object> vendorResponses;

    private static ConfigurableApplicationContext context;

    private static VendorQuotes quotes;

    @BeforeAll
    static void startApplication() {
        grid = LoopbackGrid.builder().name("cacheable").start(1);
        GridClient observer = TestClients.connect(grid);
        vendorResponses = observer.region(DataClass.VENDOR_RESPONSES, Object.class);
        context = new SpringApplicationBuilder(QuoteApplication.class).run("--spring.main.banner-mode=off",
                "--grid.client.cluster-name=" + grid.clusterName(),
                "--grid.client.members=" + String.join(",", grid.addresses()), "--CACHE_COMPRESSION_THRESHOLD=64B");
        quotes = context.getBean(VendorQuotes.class);
    }

    @AfterAll
    static void stopApplication() {
        if (context != null) {
            context.close();
        }
        grid.close();
    }

    @Test
    void repeatedCallsWithTheSameKeyRunTheMethodOnce() {
        int before = quotes.calls();

        Quote first = quotes.quote("florist");
        Quote second = quotes.quote("florist");

        assertThat(second).isEqualTo(first);
        assertThat(quotes.calls() - before).isEqualTo(1);
        assertThat(vendorResponses.get("florist")).isEqualTo(first);
    }

    @Test
    void cachePutReplacesTheValue() {
        quotes.quote("photographer");
        int before = quotes.calls();

        quotes.reprice("photographer", 250_000);

        assertThat(quotes.quote("photographer")).isEqualTo(new Quote("photographer", 250_000));
        assertThat(quotes.calls()).isEqualTo(before);
        assertThat(vendorResponses.get("photographer")).isEqualTo(new Quote("photographer", 250_000));
    }

    @Test
    void cacheEvictRemovesTheValue() {
        quotes.quote("caterer");
        int before = quotes.calls();

        quotes.forget("caterer");

        assertThat(vendorResponses.get("caterer")).isNull();
        quotes.quote("caterer");
        assertThat(quotes.calls() - before).isEqualTo(1);
    }

    @Test
    void aWeddingKeyFromSpelKeepsTheEntryInItsWeddingsPartition() {
        quotes.timeline("w-2026-06-13-0042");

        CacheRegion<WeddingKey, String> timelines = TestClients.connect(grid)
            .region(DataClass.WEDDING_DATA, String.class);
        assertThat(timelines.get(new WeddingKey("w-2026-06-13-0042", "timeline")))
            .isEqualTo("timeline of w-2026-06-13-0042");
    }

    @Test
    void multiParameterKeysAreStoredByMembersThatCannotDeserializeThem() {
        int before = quotes.calls();

        Quote first = quotes.quoteForWedding("w-7", "band");
        assertThat(quotes.quoteForWedding("w-7", "band")).isEqualTo(first);
        quotes.forgetForWedding("w-7", "band");
        quotes.quoteForWedding("w-7", "band");

        assertThat(quotes.calls() - before).isEqualTo(2);
        assertThat(vendorResponses.get(new SimpleKey("w-7", "band"))).isNotNull();
        // The member's Java deserialization allow-list refuses SimpleKey: none of the
        // above needed it.
        HazelcastInstance member = grid.members().get(0);
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> List.copyOf(member.getMap("vendor_responses").keySet()))
            .withStackTraceContaining("Resolving class " + SimpleKey.class.getName() + " is not allowed");
    }

    @Test
    void aSynchronizedMethodsOwnExceptionReachesTheCallerAndNothingIsCached() throws Exception {
        Cache cache = context.getBean(CacheManager.class).getCache("vendor_responses");
        assertThatExceptionOfType(VendorUnavailableException.class).isThrownBy(() -> quotes.quoteOrFail("dj", true));
        assertThat(cache.get("dj")).isNull();

        Quote loaded = quotes.quoteOrFail("dj", false);

        assertThat(quotes.quoteOrFail("dj", true)).isEqualTo(loaded);
        assertThat(vendorResponses.get("dj")).isEqualTo(loaded);
    }

    @Test
    void theContractVariableSetsTheCompressionThreshold() {
        assertThat(context.getBean(GridClientSettings.class).compressionThreshold()).isEqualTo(64);
    }

    /**
     * A vendor's quote; a record with no serialization setup, which Hazelcast stores in
     * its Compact format.
     */
    record Quote(String vendor, long cents) {
    }

    static class VendorUnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        VendorUnavailableException(String vendor) {
            super(vendor + " did not answer");
        }

    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableCaching
    static class QuoteApplication {

        @Bean
        VendorQuotes vendorQuotes() {
            return new VendorQuotes();
        }

    }

    static class VendorQuotes {

        private final AtomicInteger calls = new AtomicInteger();

        /**
         * How often a method body ran (public, so that the caching proxy passes it on to
         * this object).
         */
        public int calls() {
            return this.calls.get();
        }

        @Cacheable("vendor_responses")
        public Quote quote(String vendor) {
            return new Quote(vendor, 1000 + this.calls.incrementAndGet());
        }

        @CachePut(cacheNames = "vendor_responses", key = "#vendor")
        public Quote reprice(String vendor, long cents) {
            return new Quote(vendor, cents);
        }

        @CacheEvict("vendor_responses")
        public void forget(String vendor) {
        }

        @Cacheable("vendor_responses")
        public Quote quoteForWedding(String weddingId, String vendor) {
            return new Quote(vendor + "@" + weddingId, 1000 + this.calls.incrementAndGet());
        }

        @CacheEvict("vendor_responses")
        public void forgetForWedding(String weddingId, String vendor) {
        }

        @Cacheable(cacheNames = "wedding_data",
                key = "new com.wedsync.grid.config.key.WeddingKey(#weddingId, 'timeline')")
        public String timeline(String weddingId) {
            return "timeline of " + weddingId;
        }

        @Cacheable(cacheNames = "vendor_responses", key = "#vendor", sync = true)
        public Quote quoteOrFail(String vendor, boolean fail) throws VendorUnavailableException {
            if (fail) {
                throw new VendorUnavailableException(vendor);
            }
            return new Quote(vendor, 1000 + this.calls.incrementAndGet());
        }

    }

}

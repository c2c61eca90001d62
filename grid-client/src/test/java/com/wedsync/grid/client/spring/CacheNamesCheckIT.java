package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.testkit.LoopbackGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Configuration;

/**
 * Cache annotations naming no data class fail the start, whatever proxies the bean and
 * wherever the name is given; annotations that do not go to the grid's cache manager are
 * left alone. Against one real member.
 */
class CacheNamesCheckIT {

    private static LoopbackGrid grid;

    private static ApplicationContextRunner runner;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("cache-names-check").start(1);
        runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GridClientAutoConfiguration.class))
            .withUserConfiguration(Caching.class)
            .withPropertyValues("grid.client.cluster-name=" + grid.clusterName(),
                    "grid.client.members=" + String.join(",", grid.addresses()));
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void dataClassNamesStart() {
        runner.withBean(Valid.class).run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMisnamedCacheBehindAnInterfaceProxyFailsTheStart() {
        runner.withBean(QuoteLookup.class, ValidInterfaceQuotes::new)
            .run((context) -> assertThat(AopUtils.isJdkDynamicProxy(context.getBean(QuoteLookup.class))).isTrue());

        runner.withBean(QuoteLookup.class, InterfaceQuotes::new)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(UnknownCacheException.class)
                .hasMessageStartingWith("no grid cache is named 'vendor_quotes' (InterfaceQuotes.quote);"));
    }

    @Test
    void aMisnamedClassLevelCacheAndEveryUnknownNameAreReported() {
        runner.withBean(ClassLevel.class)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(UnknownCacheException.class)
                .hasMessage(
                        "no grid cache is named 'quotes' (ClassLevel.quote), 'rsvps' (ClassLevel.rsvp); the caches are"
                                + " the data classes wedding_data, vendor_responses, guest_interactions, photo_thumbnails,"
                                + " system_cache"));
    }

    @Test
    void anAnnotationNamingItsOwnCacheManagerIsLeftToIt() {
        runner.withBean(OwnManager.class)
            .withBean("localCaches", ConcurrentMapCacheManager.class, ConcurrentMapCacheManager::new)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void anApplicationsOwnCacheManagerIsLeftAlone() {
        runner.withBean(ClassLevel.class)
            .withBean(CacheManager.class, ConcurrentMapCacheManager::new)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void withoutEnableCachingNothingIsChecked() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GridClientAutoConfiguration.class))
            .withPropertyValues("grid.client.cluster-name=" + grid.clusterName(),
                    "grid.client.members=" + String.join(",", grid.addresses()))
            .withBean(ClassLevel.class)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class Caching {

    }

    static class Valid {

        @Cacheable("vendor_responses")
        public String quote(String vendor) {
            return vendor;
        }

        @CachePut(cacheNames = { "wedding_data", "system_cache" })
        public String timeline(String wedding) {
            return wedding;
        }

    }

    interface QuoteLookup {

        String quote(String vendor);

    }

    static class InterfaceQuotes implements QuoteLookup {

        @Override
        @Cacheable("vendor_quotes")
        public String quote(String vendor) {
            return vendor;
        }

    }

    static class ValidInterfaceQuotes implements QuoteLookup {

        @Override
        @Cacheable("vendor_responses")
        public String quote(String vendor) {
            return vendor;
        }

    }

    @CacheConfig(cacheNames = "quotes")
    static class ClassLevel {

        @Cacheable
        public String quote(String vendor) {
            return vendor;
        }

        @Cacheable("rsvps")
        public String rsvp(String guest) {
            return guest;
        }

    }

    static class OwnManager {

        @Cacheable(cacheNames = "vendor_quotes", cacheManager = "localCaches")
        public String quote(String vendor) {
            return vendor;
        }

    }

}

package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What the auto-configuration defines, without a grid: binding, validation, customizers
 * and backing off. The context is lazy where a test only looks at bean definitions or
 * settings, so that no client tries to connect; {@link GridClientAutoConfigurationIT}
 * connects one.
 */
class GridClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GridClientAutoConfiguration.class));

    private final ApplicationContextRunner lazyRunner = this.runner.withInitializer(
            (context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()));

    @Test
    void disabledItDefinesNothing() {
        this.runner.withPropertyValues("grid.client.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(GridClientSettings.class)
                .doesNotHaveBean(GridClient.class)
                .doesNotHaveBean(CacheManager.class);
        });
    }

    @Test
    void defaultsAreTheClientsDefaults() {
        this.lazyRunner.run((context) -> {
            GridClientSettings settings = context.getBean(GridClientSettings.class);
            GridClientSettings defaults = GridClientSettings.defaults();
            assertThat(settings).usingRecursiveComparison().ignoringFields("clock").isEqualTo(defaults);
            assertThat(context).hasSingleBean(GridClient.class).hasSingleBean(CacheManager.class);
            assertThat(context.getBeanNamesForType(CacheManager.class)).containsExactly("gridCacheManager");
        });
    }

    @Test
    void propertiesBindAndConvert() {
        this.lazyRunner
            .withPropertyValues("grid.client.cluster-name=staging", "grid.client.members=10.0.0.1:5701,10.0.0.2",
                    "grid.client.connect-timeout=3s", "grid.client.operation-timeout=750ms",
                    "grid.client.compression-threshold=4KB", "grid.client.max-value-size=2MB",
                    "grid.client.max-uncompressed-value-size=32MB", "grid.client.negative-cache-ttl=30s",
                    "grid.client.refresh-ahead=0.1", "grid.client.load-timeout=1m",
                    "grid.client.deserialization-allow-list=com.example.rsvp.,com.example.vendors.Quote")
            .run((context) -> {
                GridClientSettings settings = context.getBean(GridClientSettings.class);
                assertThat(settings.clusterName()).isEqualTo("staging");
                assertThat(settings.members()).containsExactly("10.0.0.1:5701", "10.0.0.2");
                assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(settings.operationTimeout()).isEqualTo(Duration.ofMillis(750));
                assertThat(settings.compressionThreshold()).isEqualTo(4096);
                assertThat(settings.maxValueBytes()).isEqualTo(2 * 1024 * 1024);
                assertThat(settings.maxUncompressedValueBytes()).isEqualTo(32 * 1024 * 1024);
                assertThat(settings.negativeCacheTtl()).isEqualTo(Duration.ofSeconds(30));
                assertThat(settings.refreshAhead()).isEqualTo(0.1);
                assertThat(settings.loadTimeout()).isEqualTo(Duration.ofMinutes(1));
                assertThat(settings.deserializationAllowList()).containsExactly("com.example.rsvp.",
                        "com.example.vendors.Quote");
            });
    }

    @Test
    void environmentVariablesBindThroughRelaxedBinding() {
        Map<String, Object> variables = Map.of("GRID_CLIENT_COMPRESSIONTHRESHOLD", "8KB", "GRID_CLIENT_MEMBERS", "a,b");
        this.lazyRunner
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
            .run((context) -> {
                GridClientSettings settings = context.getBean(GridClientSettings.class);
                assertThat(settings.compressionThreshold()).isEqualTo(8192);
                assertThat(settings.members()).containsExactly("a", "b");
            });
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingThePropertyAndTheValue() {
        assertStartFails("grid.client.refresh-ahead=1.5",
                "grid.client.refresh-ahead (1.5) must be at least 0 and below 1");
        assertStartFails("grid.client.connect-timeout=0s", "grid.client.connect-timeout (0s) must be positive");
        assertStartFails("grid.client.negative-cache-ttl=-1s",
                "grid.client.negative-cache-ttl (-1s) must be 0s or more");
        assertStartFails("grid.client.max-value-size=3GB",
                "grid.client.max-value-size (3221225472B) must lie between 1B and 2147483647B");
        assertStartFails("grid.client.cluster-name=", "grid.client.cluster-name () must not be blank");
        assertStartFails("grid.client.max-uncompressed-value-size=512KB",
                "grid.client.max-uncompressed-value-size (524288B) must be at least max-value-size (1048576B)");
        assertStartFails("grid.client.deserialization-allow-list=com.example.*",
                "grid.client.deserialization-allow-list: deserializationAllowList entry 'com.example.*' is neither a"
                        + " class name nor a package prefix ending in '.' (no wildcards)");
    }

    @Test
    void aValueThatDoesNotConvertFailsTheStartNamingThePropertyAndTheValue() {
        this.runner.withPropertyValues("grid.client.compression-threshold=12qb").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .hasStackTraceContaining("Failed to bind properties under 'grid.client.compression-threshold'")
                .hasStackTraceContaining("'12qb' is not a valid data size");
        });
    }

    @Test
    void customizersApplyInOrderAfterTheProperties() {
        this.lazyRunner.withUserConfiguration(Customizers.class)
            .withPropertyValues("grid.client.cluster-name=blue")
            .run((context) -> assertThat(context.getBean(GridClientSettings.class).clusterName())
                .isEqualTo("blue-first-second"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnSettings() {
        GridClientSettings own = GridClientSettings.defaults().withCluster("own", List.of("10.1.1.1"));
        this.lazyRunner.withBean("ownSettings", GridClientSettings.class, () -> own)
            .run((context) -> assertThat(context).getBean(GridClientSettings.class).isSameAs(own));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnGridClient() {
        this.lazyRunner.withBean("ownClient", GridClient.class, () -> {
            throw new AssertionError("not created in this test");
        }).run((context) -> {
            assertThat(context.getBeanNamesForType(GridClient.class)).containsExactly("ownClient");
            assertThat(context.getBeanNamesForType(CacheManager.class)).containsExactly("gridCacheManager");
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnCacheManager() {
        this.lazyRunner.withBean("ownCacheManager", CacheManager.class, ConcurrentMapCacheManager::new)
            .run((context) -> {
                assertThat(context.getBeanNamesForType(CacheManager.class)).containsExactly("ownCacheManager");
                assertThat(context).hasSingleBean(GridClient.class);
            });
    }

    @Test
    void definesNoCacheManagerWithoutSpringsCacheAbstraction() {
        this.lazyRunner.withClassLoader(new FilteredClassLoader(CacheManager.class))
            .run((context) -> assertThat(context).hasSingleBean(GridClient.class).doesNotHaveBean("gridCacheManager"));
    }

    @Test
    void definesNothingWithoutTheGridClient() {
        this.lazyRunner.withClassLoader(new FilteredClassLoader(GridClient.class))
            .run((context) -> assertThat(context).doesNotHaveBean(GridClientSettings.class)
                .doesNotHaveBean("gridClient")
                .doesNotHaveBean(CacheManager.class));
    }

    private void assertStartFails(String property, String message) {
        // Eager: binding fails before a client could try to connect.
        this.runner.withPropertyValues(property).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage(message);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        GridClientSettingsCustomizer second() {
            return (settings) -> settings.withCluster(settings.clusterName() + "-second", settings.members());
        }

        @Bean
        @Order(1)
        GridClientSettingsCustomizer first() {
            return (settings) -> settings.withCluster(settings.clusterName() + "-first", settings.members());
        }

    }

}

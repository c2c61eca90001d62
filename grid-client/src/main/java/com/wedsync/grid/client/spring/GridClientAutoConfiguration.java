package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Iterator;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grid client of a Spring Boot application: settings from
 * {@link GridClientProperties} and the {@link GridClientSettingsCustomizer}s, a connected
 * {@link GridClient} whose meters go to the application's {@link MeterRegistry}
 * (Micrometer's global registry if it has none), and a {@link GridCacheManager} so that
 * {@code @Cacheable} uses the grid. Each backs off when the application defines its own.
 * It runs before Spring Boot's cache auto-configuration, which would otherwise register a
 * cache manager of its own first. A cache annotation naming a cache the grid does not
 * have fails the start ({@link CacheNamesCheck}). Setting
 * {@code grid.client.enabled=false} turns all of it off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass(GridClient.class)
@ConditionalOnBooleanProperty(name = "grid.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GridClientProperties.class)
class GridClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GridClientSettings gridClientSettings(GridClientProperties properties,
            ObjectProvider<GridClientSettingsCustomizer> customizers) {
        GridClientSettings settings = properties.toSettings();
        for (Iterator<GridClientSettingsCustomizer> it = customizers.orderedStream().iterator(); it.hasNext();) {
            GridClientSettingsCustomizer customizer = it.next();
            settings = Objects.requireNonNull(customizer.customize(settings),
                    () -> customizer + " returned no settings");
        }
        return settings;
    }

    /**
     * Connects at start-up: the start fails, naming cluster, members and timeout, if the
     * grid cannot be reached.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GridClient gridClient(GridClientSettings settings, ObjectProvider<MeterRegistry> registry) {
        return GridClient.connect(settings, registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CacheManager.class)
    static class CacheManagerConfiguration {

        @Bean
        @ConditionalOnMissingBean(CacheManager.class)
        GridCacheManager gridCacheManager(GridClient gridClient) {
            return new GridCacheManager(gridClient);
        }

        /**
         * Fails the start if a cache annotation names a cache the grid does not have.
         */
        @Bean
        static CacheNamesCheck gridCacheNamesCheck(ConfigurableListableBeanFactory beanFactory) {
            return new CacheNamesCheck(beanFactory);
        }

    }

}

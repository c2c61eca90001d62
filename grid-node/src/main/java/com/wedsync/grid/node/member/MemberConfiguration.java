package com.wedsync.grid.node.member;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.node.settings.NodeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The member: its settings, the catalog, the Hazelcast {@link Config} built from them (Spring Boot's Hazelcast
 * auto-configuration starts the member from it), the cluster-event listener and the lifecycle that hands the
 * member's partitions over on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class MemberConfiguration {

    /**
     * The settings, when the application was not started through {@code main} (which registers the ones it
     * validated): read from the Spring environment under the same variable names.
     */
    @Bean
    @ConditionalOnMissingBean
    NodeSettings nodeSettings(Environment environment) {
        return NodeSettings.read(environment::getProperty, Runtime.getRuntime().maxMemory());
    }

    @Bean
    Catalog catalog(NodeSettings settings) {
        return settings.catalog();
    }

    @Bean
    ClusterEventListener clusterEventListener(MeterRegistry registry) {
        return new ClusterEventListener(registry);
    }

    @Bean
    Config hazelcastConfig(NodeSettings settings, ClusterEventListener listener) {
        Config config = HazelcastConfigFactory.memberConfig(settings.catalog(), settings.member());
        // Spring owns the shutdown: readiness goes down first, then MemberLifecycle leaves gracefully.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.addListenerConfig(new ListenerConfig(listener));
        return config;
    }

    @Bean
    MemberLifecycle memberLifecycle(HazelcastInstance instance, NodeSettings settings) {
        return new MemberLifecycle(instance, settings.member().shutdownTimeout());
    }

    @Bean
    GridReadinessIndicator gridHealthIndicator(HazelcastInstance instance, ClusterEventListener listener) {
        return new GridReadinessIndicator(instance, listener);
    }
}

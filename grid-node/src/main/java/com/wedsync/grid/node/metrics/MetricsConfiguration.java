package com.wedsync.grid.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.member.LocalSafety;
import com.wedsync.grid.node.settings.NodeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the grid's meter binders; Spring Boot binds them to every registry,
 * Prometheus included.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MapMetricsBinder mapMetricsBinder(HazelcastInstance instance, NodeSettings settings, MemoryBudget budget) {
        return new MapMetricsBinder(instance, settings.catalog(), budget);
    }

    @Bean
    ClusterMetricsBinder clusterMetricsBinder(HazelcastInstance instance, LocalSafety safety) {
        return new ClusterMetricsBinder(instance, safety);
    }

}

package com.wedsync.grid.node.web;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.member.LocalSafety;
import com.wedsync.grid.node.settings.NodeSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The grid's actuator endpoints and the admin-token guard in front of them.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    ClusterEndpoint clusterEndpoint(HazelcastInstance instance, NodeSettings settings, MemoryBudget budget,
            LocalSafety safety) {
        return new ClusterEndpoint(instance, settings.catalog(), budget, safety);
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(NodeSettings settings) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
                new AdminTokenFilter(settings.adminToken()));
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}

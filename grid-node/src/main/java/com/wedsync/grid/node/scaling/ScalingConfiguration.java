package com.wedsync.grid.node.scaling;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.node.calendar.LiveCalendar;
import com.wedsync.grid.node.capacity.CapacityAdvisor;
import com.wedsync.grid.node.alerts.AlertDispatcher;
import com.wedsync.grid.node.alerts.AlertEvaluator;
import com.wedsync.grid.node.member.ClusterEventListener;
import com.wedsync.grid.node.member.LocalSafety;
import com.wedsync.grid.node.monitor.ClusterSamples;
import com.wedsync.grid.node.monitor.MonitorProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The capacity advisor on the node: evaluated by the monitor, exposed as a gauge and an
 * endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScalingProperties.class)
class ScalingConfiguration {

    @Bean
    ScalingEvaluator scalingEvaluator(LiveCalendar calendar, ScalingProperties properties, MonitorProperties monitor,
            HazelcastInstance instance, AlertDispatcher dispatcher, AlertEvaluator alerts,
            ClusterSamples clusterSamples, ClusterEventListener events, LocalSafety safety) {
        return new ScalingEvaluator(new CapacityAdvisor(calendar, properties.policy()), properties, monitor.timeZone(),
                () -> instance.getLifecycleService().isRunning() ? instance.getCluster().getMembers().size() : 0,
                dispatcher, alerts, clusterSamples::coordinates, () -> !events.migrating() && safety.isSafe());
    }

    @Bean
    ScalingMetrics scalingMetrics(ScalingEvaluator evaluator) {
        return new ScalingMetrics(evaluator);
    }

    @Bean
    ScalingEndpoint scalingEndpoint(ScalingEvaluator evaluator, ScalingProperties properties,
            HazelcastInstance instance) {
        return new ScalingEndpoint(evaluator, properties, instance);
    }

}

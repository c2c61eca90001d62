package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.member.ClusterEventListener;
import com.wedsync.grid.node.settings.NodeSettings;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monitor: its clock and thread, the history, the cluster-wide aggregation and the
 * gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MonitorProperties.class, GridClockProperties.class })
class MonitorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock gridClock(GridClockProperties clock) {
        return clock.clock(Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService gridMonitorScheduler() {
        return Executors.newSingleThreadScheduledExecutor((work) -> {
            Thread thread = new Thread(work, "grid-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SampleHistory sampleHistory(MonitorProperties properties) {
        return SampleHistory.covering(properties.history(), properties.interval());
    }

    @Bean
    HistoryEndpoint historyEndpoint(SampleHistory history, MonitorProperties properties, Clock gridClock) {
        return new HistoryEndpoint(history, properties.history(), gridClock);
    }

    @Bean
    ClusterSamples clusterSamples(HazelcastInstance instance, MonitorProperties properties, NodeSettings settings) {
        return new ClusterSamples(instance, properties.interval(),
                new ClientSamples(instance, properties.interval(), settings.catalog()));
    }

    @Bean
    HourlyLoad hourlyLoad(HazelcastInstance instance, ClusterSamples clusterSamples, MonitorProperties properties) {
        return new HourlyLoad(instance, clusterSamples::coordinates, properties.interval());
    }

    @Bean(destroyMethod = "close")
    MapPartitionLosses mapPartitionLosses(HazelcastInstance instance, NodeSettings settings) {
        return new MapPartitionLosses(instance, settings.catalog());
    }

    @Bean
    Monitor monitor(HazelcastInstance instance, NodeSettings settings, MemoryBudget budget, ClusterEventListener events,
            Clock gridClock, MapPartitionLosses losses, SampleHistory history, ClusterSamples clusterSamples,
            MonitorProperties properties, ObjectProvider<SampleListener> listeners, ObjectProvider<LocalAlerts> alerts,
            ScheduledExecutorService gridMonitorScheduler) {
        LocalSampler sampler = new LocalSampler(instance, settings.catalog(), budget, events, losses::total, gridClock);
        return new Monitor(instance, sampler, history, clusterSamples, listeners.orderedStream().toList(),
                alerts.getIfAvailable(() -> Map::of), gridMonitorScheduler, properties.interval());
    }

    @Bean(destroyMethod = "close")
    MembershipForwarder membershipForwarder(HazelcastInstance instance, ObjectProvider<MembershipReaction> reactions,
            ScheduledExecutorService gridMonitorScheduler, Clock gridClock) {
        return new MembershipForwarder(instance, reactions.orderedStream().toList(), gridMonitorScheduler, gridClock);
    }

    @Bean
    ClientMetrics clientMetrics(Monitor monitor, NodeSettings settings) {
        return new ClientMetrics(monitor::latestCluster, settings.catalog());
    }

    @Bean
    MonitorMetrics monitorMetrics(SampleHistory history, NodeSettings settings) {
        return new MonitorMetrics(history, settings.catalog());
    }

}

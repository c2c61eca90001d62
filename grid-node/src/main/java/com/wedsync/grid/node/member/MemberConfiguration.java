package com.wedsync.grid.node.member;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.settings.NodeSettings;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The member: its settings, the catalog, the memory budget, the member started from them
 * ({@link MemberStarter}), the cluster-event listener, readiness, and the lifecycle that
 * hands the member's partitions over on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class MemberConfiguration {

    /**
     * Joining takes at most {@code hazelcast.max.join.seconds} (20 s) on top of the
     * member's own start.
     */
    private static final Duration MEMBER_START_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The settings, when the application was not started through {@code main} (which
     * registers the ones it validated): read from the Spring environment under the same
     * variable names.
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

    /**
     * The member's start, when {@code main} did not begin it already (which registers its
     * own starter).
     */
    @Bean
    @ConditionalOnMissingBean
    MemberStarter memberStarter(NodeSettings settings) {
        return MemberStarter.start(settings);
    }

    /**
     * The budgets of the maps, computed once when the member's configuration was built.
     */
    @Bean
    MemoryBudget memoryBudget(MemberStarter starter) {
        return starter.budget();
    }

    @Bean
    ClusterEventListener clusterEventListener(MemberStarter starter) {
        return starter.events();
    }

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(MemberStarter starter) {
        return starter.await(MEMBER_START_TIMEOUT);
    }

    @Bean
    MemberLifecycle memberLifecycle(HazelcastInstance instance, NodeSettings settings) {
        return new MemberLifecycle(instance, settings.member().shutdownTimeout());
    }

    @Bean(destroyMethod = "close")
    LocalSafety localSafety(HazelcastInstance instance) {
        return LocalSafety.of(instance);
    }

    @Bean
    GridReadinessIndicator gridHealthIndicator(HazelcastInstance instance, ClusterEventListener listener,
            LocalSafety safety) {
        return new GridReadinessIndicator(instance, listener, safety);
    }

}

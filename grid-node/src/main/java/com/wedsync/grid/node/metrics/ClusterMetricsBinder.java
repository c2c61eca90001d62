package com.wedsync.grid.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.node.member.LocalSafety;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Cluster-wide meters as this member sees them: the member count, whether its partitions
 * are safe, and whether it takes writes to the classes split-brain protection guards.
 */
public class ClusterMetricsBinder implements MeterBinder {

    private final HazelcastInstance instance;

    private final LocalSafety safety;

    /**
     * Creates the binder.
     * @param instance the local member
     * @param safety the local member's safety, bounded in time so that a scrape does not
     * wait on a frozen member
     */
    public ClusterMetricsBinder(HazelcastInstance instance, LocalSafety safety) {
        this.instance = instance;
        this.safety = safety;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge
            .builder("grid.cluster.members", this.instance,
                    (hz) -> running(hz) ? hz.getCluster().getMembers().size() : 0)
            .description("Members in the cluster, as this member sees it")
            .register(registry);
        Gauge.builder("grid.cluster.local.safe", this.safety, (safety) -> safety.isSafe() ? 1 : 0)
            .description("1 when every partition replica this member owns is in sync with its backups")
            .register(registry);
        // Registered with or without a quorum, so that dashboards and alert rules always
        // find the series.
        Gauge.builder("grid.cluster.quorum.present", this.instance, ClusterMetricsBinder::quorumPresent)
            .description("1 when this member takes writes to the protected classes: its side of the cluster has its"
                    + " split-brain quorum (GRID_QUORUM_MIN_MEMBERS), or none is configured; 0 when it refuses them")
            .register(registry);
    }

    private static double quorumPresent(HazelcastInstance hz) {
        if (!running(hz)) {
            return 0;
        }
        if (!hz.getConfig().getSplitBrainProtectionConfigs().containsKey(HazelcastConfigFactory.QUORUM_NAME)) {
            return 1;
        }
        return hz.getSplitBrainProtectionService()
            .getSplitBrainProtection(HazelcastConfigFactory.QUORUM_NAME)
            .hasMinimumSize() ? 1 : 0;
    }

    private static boolean running(HazelcastInstance instance) {
        return instance.getLifecycleService().isRunning();
    }

}

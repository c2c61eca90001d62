package com.wedsync.grid.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Cluster-wide meters as this member sees them: the member count and whether its partitions are safe.
 */
public class ClusterMetricsBinder implements MeterBinder {

    private final HazelcastInstance instance;

    /**
     * Creates the binder.
     * @param instance the local member
     */
    public ClusterMetricsBinder(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("grid.cluster.members", this.instance, (hz) -> running(hz) ? hz.getCluster().getMembers().size() : 0)
            .description("Members in the cluster, as this member sees it")
            .register(registry);
        Gauge.builder("grid.cluster.local.safe", this.instance,
                (hz) -> (running(hz) && hz.getPartitionService().isLocalMemberSafe()) ? 1 : 0)
            .description("1 when every partition replica this member owns is in sync with its backups")
            .register(registry);
    }

    private static boolean running(HazelcastInstance instance) {
        return instance.getLifecycleService().isRunning();
    }
}

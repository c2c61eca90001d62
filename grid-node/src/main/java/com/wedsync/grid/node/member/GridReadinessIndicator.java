package com.wedsync.grid.node.member;

import com.hazelcast.core.HazelcastInstance;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready means the member runs, has joined its cluster, and holds every partition replica
 * it should (local member safe) with no migration under way. Part of the readiness group,
 * so a load balancer sends no traffic to a member that is still receiving its data.
 */
class GridReadinessIndicator implements HealthIndicator {

    private final HazelcastInstance instance;

    private final ClusterEventListener events;

    private final LocalSafety safety;

    GridReadinessIndicator(HazelcastInstance instance, ClusterEventListener events, LocalSafety safety) {
        this.instance = instance;
        this.events = events;
        this.safety = safety;
    }

    @Override
    public Health health() {
        if (!this.instance.getLifecycleService().isRunning()) {
            return Health.outOfService().withDetail("reason", "member not running").build();
        }
        int members = this.instance.getCluster().getMembers().size();
        boolean migrating = this.events.migrating();
        boolean safe = !migrating && this.safety.isSafe();
        Health.Builder health = safe ? Health.up() : Health.outOfService();
        return health.withDetail("clusterSize", members)
            .withDetail("migrating", migrating)
            .withDetail("localMemberSafe", safe)
            .build();
    }

}

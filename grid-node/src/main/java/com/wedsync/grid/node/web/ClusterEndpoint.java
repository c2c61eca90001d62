package com.wedsync.grid.node.web;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.partition.Partition;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.member.LocalSafety;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/cluster}: members, partition safety, and this member's entries and
 * memory of each map against its budget. Protected by the admin token.
 */
@Endpoint(id = "cluster")
public class ClusterEndpoint {

    private final HazelcastInstance instance;

    private final Catalog catalog;

    private final MemoryBudget budget;

    private final LocalSafety safety;

    /**
     * Creates the endpoint.
     * @param instance the local member
     * @param catalog the data classes whose maps are shown
     * @param budget the maps' memory budgets on this member
     * @param safety the local member's safety, bounded in time so that the endpoint
     * answers while a member is frozen
     */
    public ClusterEndpoint(HazelcastInstance instance, Catalog catalog, MemoryBudget budget, LocalSafety safety) {
        this.instance = instance;
        this.catalog = catalog;
        this.budget = budget;
        this.safety = safety;
    }

    /**
     * Reads the cluster view.
     * @return the view
     */
    @ReadOperation
    public ClusterView cluster() {
        Set<Partition> partitions = this.instance.getPartitionService().getPartitions();
        List<ClusterView.MemberView> members = this.instance.getCluster()
            .getMembers()
            .stream()
            .map((member) -> memberView(member, partitions))
            .toList();
        List<ClusterView.MapView> maps = this.catalog.policies().stream().map(this::mapView).toList();
        return new ClusterView(this.instance.getConfig().getClusterName(),
                this.instance.getCluster().getClusterState().name(), this.safety.isSafe(), members, maps);
    }

    private ClusterView.MemberView memberView(Member member, Collection<Partition> partitions) {
        long owned = partitions.stream().filter((p) -> Objects.equals(p.getOwner(), member)).count();
        return new ClusterView.MemberView(member.getAddress().getHost() + ":" + member.getAddress().getPort(),
                member.getUuid().toString(), member.localMember(), owned);
    }

    private ClusterView.MapView mapView(DataClassPolicy policy) {
        LocalMapStats stats = this.instance.getMap(policy.mapName()).getLocalMapStats();
        long budget = this.budget.bytes(policy.mapName());
        long used = stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
        double percent = Math.round(1000.0 * used / budget) / 10.0;
        return new ClusterView.MapView(policy.mapName(), policy.dataClass().id(), stats.getOwnedEntryCount(),
                stats.getOwnedEntryMemoryCost(), stats.getBackupEntryCount(), stats.getBackupEntryMemoryCost(), budget,
                percent);
    }

}

package com.wedsync.grid.node.web;

import java.util.List;

/**
 * The cluster as this member sees it, served by the {@code cluster} actuator endpoint.
 *
 * @param clusterName the cluster's name
 * @param state the cluster state, for example {@code ACTIVE}
 * @param localMemberSafe whether every partition replica this member owns is in sync
 * @param members the members, in join order
 * @param maps this member's share of each data class's map
 */
public record ClusterView(String clusterName, String state, boolean localMemberSafe, List<MemberView> members,
        List<MapView> maps) {

    /**
     * One member.
     *
     * @param address host:port
     * @param uuid the member's id
     * @param local whether it is the member answering
     * @param ownedPartitions how many partitions it owns
     */
    public record MemberView(String address, String uuid, boolean local, long ownedPartitions) {
    }

    /**
     * This member's part of one map, against its budget.
     *
     * @param map the map
     * @param dataClass the data class it holds
     * @param ownedEntries entries this member owns
     * @param ownedMemoryBytes their memory
     * @param backupEntries backup entries this member holds
     * @param backupMemoryBytes their memory
     * @param budgetBytes the eviction bound of the map on this member (owned and backup
     * memory together)
     * @param budgetUsedPercent owned and backup memory as a share of the budget
     */
    public record MapView(String map, String dataClass, long ownedEntries, long ownedMemoryBytes, long backupEntries,
            long backupMemoryBytes, long budgetBytes, double budgetUsedPercent) {
    }
}

package com.wedsync.grid.config.hazelcast;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The memory budget of every data class on one member, computed once from the catalog and
 * the member's cache memory limit: the class's share of the limit, rounded down to whole
 * MiB (Hazelcast's unit for memory-based bounds). A budget covers the owned and backup
 * entries of the class's map on the member. It is the map's eviction bound, and what the
 * member's meters, monitor, memory alert and cluster endpoint measure the map's memory
 * against. Immutable.
 */
public final class MemoryBudget {

    private final long memoryLimitBytes;

    private final Map<String, Integer> mibByMap;

    private MemoryBudget(long memoryLimitBytes, Map<String, Integer> mibByMap) {
        this.memoryLimitBytes = memoryLimitBytes;
        this.mibByMap = mibByMap;
    }

    /**
     * Shares a member's cache memory limit out among the catalog's classes.
     * @param catalog the data classes
     * @param memoryLimitBytes the member's cache memory limit
     * @return the budgets
     * @throws IllegalArgumentException naming the class and the limit when a class's
     * budget is under 1 MiB
     */
    public static MemoryBudget of(Catalog catalog, long memoryLimitBytes) {
        Objects.requireNonNull(catalog, "catalog is missing");
        Map<String, Integer> mibByMap = new LinkedHashMap<>();
        for (DataClassPolicy policy : catalog.policies()) {
            mibByMap.put(policy.mapName(), mib(policy, memoryLimitBytes));
        }
        return new MemoryBudget(memoryLimitBytes, Collections.unmodifiableMap(mibByMap));
    }

    /**
     * Returns the smallest memory limit that gives every class of the catalog a budget of
     * at least 1 MiB.
     * @param catalog the data classes
     * @return the limit in bytes, a whole number of MiB
     */
    public static long minimumMemoryLimit(Catalog catalog) {
        return catalog.policies()
            .stream()
            .mapToLong(MemoryBudget::minimumMemoryLimit)
            .max()
            .orElse(HazelcastConfigFactory.MIB);
    }

    /**
     * Returns the member's cache memory limit the budgets were shared out of.
     * @return the limit in bytes
     */
    public long memoryLimitBytes() {
        return this.memoryLimitBytes;
    }

    /**
     * Returns the budget of one map in whole MiB: its memory-based eviction bound.
     * @param map the map's name
     * @return the budget, at least 1
     * @throws IllegalArgumentException naming the map and the known ones if the catalog
     * has no such map
     */
    public int mib(String map) {
        Integer mib = this.mibByMap.get(map);
        if (mib == null) {
            throw new IllegalArgumentException(
                    "no budget for map '" + map + "' (known: " + this.mibByMap.keySet() + ")");
        }
        return mib;
    }

    /**
     * Returns the budget of one map in bytes: the memory its owned and backup entries may
     * take on the member.
     * @param map the map's name
     * @return the budget, a whole number of MiB
     * @throws IllegalArgumentException naming the map and the known ones if the catalog
     * has no such map
     */
    public long bytes(String map) {
        return mib(map) * HazelcastConfigFactory.MIB;
    }

    /**
     * The bound of one class in whole MiB, refused under 1 MiB (Hazelcast's smallest).
     */
    static int mib(DataClassPolicy policy, long memoryLimitBytes) {
        long mib = policy.budgetBytes(memoryLimitBytes) / HazelcastConfigFactory.MIB;
        if (mib < 1) {
            throw new IllegalArgumentException("memory limit " + memoryLimitBytes + " bytes gives "
                    + policy.dataClass().id() + " (" + policy.memorySharePercent()
                    + " %) less than 1 MiB, Hazelcast's smallest bound; it must be at least "
                    + minimumMemoryLimit(policy) / HazelcastConfigFactory.MIB + " MiB");
        }
        return (int) Math.min(Integer.MAX_VALUE, mib);
    }

    private static long minimumMemoryLimit(DataClassPolicy policy) {
        long mib = (100 + policy.memorySharePercent() - 1) / policy.memorySharePercent();
        return mib * HazelcastConfigFactory.MIB;
    }

    @Override
    public String toString() {
        return "MemoryBudget[limit " + this.memoryLimitBytes + " bytes, MiB " + this.mibByMap + "]";
    }

}

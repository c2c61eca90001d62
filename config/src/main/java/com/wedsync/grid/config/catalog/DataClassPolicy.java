package com.wedsync.grid.config.catalog;

import static com.wedsync.grid.config.catalog.Durations.format;

import com.hazelcast.config.EvictionPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the grid knows about one data class: where it lives, how much memory it may
 * take, how it is backed up, how long its entries live, how it is evicted and
 * near-cached, and how it merges after a split.
 *
 * @param dataClass the class
 * @param mapName the name of its IMap (part of the operations contract)
 * @param memorySharePercent its share of each member's cache memory limit, in percent
 * @param backupCount synchronous backups of each entry
 * @param asyncBackupCount asynchronous backups of each entry
 * @param ttl the TTL base and bounds
 * @param maxIdle how long an unread entry is kept; zero for no limit
 * @param eviction which entries go first when the class reaches its memory budget
 * @param protectUpcoming whether entries that expire last (upcoming weddings) are evicted
 * last
 * @param nearCache the client-side near cache
 * @param mergePolicy the simple class name of a Hazelcast split-brain merge policy
 * @param splitBrainProtection whether the class's map refuses writes on a side of a split
 * smaller than the member's quorum (see {@code MemberSettings#quorum()}); without a
 * quorum configured it has no effect
 * @param memoryAlert whether the class filling its budget is memory pressure: it raises
 * the memory alert, asks the advisor for members and holds back a scale-in. A class
 * without it is a cache meant to fill its budget and evict; what its evictions cost shows
 * in its hit rate.
 */
public record DataClassPolicy(DataClass dataClass, String mapName, int memorySharePercent, int backupCount,
        int asyncBackupCount, TtlBounds ttl, Duration maxIdle, EvictionPolicy eviction, boolean protectUpcoming,
        NearCachePolicy nearCache, String mergePolicy, boolean splitBrainProtection, boolean memoryAlert) {

    /**
     * The most backups Hazelcast keeps of an entry, synchronous and asynchronous
     * together.
     */
    public static final int MAX_BACKUPS = 6;

    /** The merge policies of {@code com.hazelcast.spi.merge} that fit an IMap. */
    public static final Set<String> MERGE_POLICIES = Set.of("PassThroughMergePolicy", "PutIfAbsentMergePolicy",
            "HigherHitsMergePolicy", "LatestUpdateMergePolicy", "LatestAccessMergePolicy", "ExpirationTimeMergePolicy",
            "DiscardMergePolicy");

    private static final Pattern MAP_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Validates the policy.
     * @throws IllegalArgumentException naming the field and the value when it is missing
     * or out of range
     */
    public DataClassPolicy {
        Objects.requireNonNull(dataClass, "data class is missing");
        Objects.requireNonNull(mapName, "map is missing");
        if (!MAP_NAME.matcher(mapName).matches()) {
            throw new IllegalArgumentException(
                    "map ('" + mapName + "') must be lower case letters, digits and '_', starting with a letter");
        }
        if (memorySharePercent < 1 || memorySharePercent > 100) {
            throw new IllegalArgumentException(
                    "memory-share (" + memorySharePercent + ") must be between 1 and 100 percent");
        }
        if (backupCount < 0 || asyncBackupCount < 0 || backupCount + asyncBackupCount > MAX_BACKUPS) {
            throw new IllegalArgumentException("backup-count (" + backupCount + ") and async-backup-count ("
                    + asyncBackupCount + ") must not be negative and must add up to at most " + MAX_BACKUPS);
        }
        Objects.requireNonNull(ttl, "ttl is missing");
        Objects.requireNonNull(maxIdle, "max-idle is missing");
        if (maxIdle.isNegative()) {
            throw new IllegalArgumentException("max-idle (" + format(maxIdle) + ") must not be negative");
        }
        Objects.requireNonNull(eviction, "eviction is missing");
        if (eviction == EvictionPolicy.NONE) {
            throw new IllegalArgumentException(
                    "eviction (NONE) would let the class outgrow its memory budget;" + " use LRU, LFU or RANDOM");
        }
        Objects.requireNonNull(nearCache, "near-cache is missing");
        if (nearCache.ttl().compareTo(ttl.min()) > 0) {
            throw new IllegalArgumentException("near-cache.ttl (" + format(nearCache.ttl())
                    + ") must not exceed ttl.min (" + format(ttl.min()) + "): an L1 copy must not outlive its entry");
        }
        if (!MERGE_POLICIES.contains(mergePolicy)) {
            throw new IllegalArgumentException(
                    "merge-policy ('" + mergePolicy + "') is not one of " + new java.util.TreeSet<>(MERGE_POLICIES));
        }
    }

    /**
     * Creates a policy without split-brain protection whose filling budget raises no
     * memory alert.
     * @param dataClass see {@link #dataClass()}
     * @param mapName see {@link #mapName()}
     * @param memorySharePercent see {@link #memorySharePercent()}
     * @param backupCount see {@link #backupCount()}
     * @param asyncBackupCount see {@link #asyncBackupCount()}
     * @param ttl see {@link #ttl()}
     * @param maxIdle see {@link #maxIdle()}
     * @param eviction see {@link #eviction()}
     * @param protectUpcoming see {@link #protectUpcoming()}
     * @param nearCache see {@link #nearCache()}
     * @param mergePolicy see {@link #mergePolicy()}
     * @throws IllegalArgumentException naming the field and the value when it is missing
     * or out of range
     */
    public DataClassPolicy(DataClass dataClass, String mapName, int memorySharePercent, int backupCount,
            int asyncBackupCount, TtlBounds ttl, Duration maxIdle, EvictionPolicy eviction, boolean protectUpcoming,
            NearCachePolicy nearCache, String mergePolicy) {
        this(dataClass, mapName, memorySharePercent, backupCount, asyncBackupCount, ttl, maxIdle, eviction,
                protectUpcoming, nearCache, mergePolicy, false, false);
    }

    /**
     * Returns the memory this class may take on one member: its share of the member's
     * cache memory limit.
     * @param memoryLimitBytes the member's cache memory limit
     * @return the budget in bytes
     */
    public long budgetBytes(long memoryLimitBytes) {
        return memoryLimitBytes * this.memorySharePercent / 100;
    }
}

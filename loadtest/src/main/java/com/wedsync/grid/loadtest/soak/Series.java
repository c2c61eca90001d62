package com.wedsync.grid.loadtest.soak;

/**
 * The figures a soak reads from each process at every sample. The judged ones must not
 * grow after the warm-up; the others are context for reading them.
 */
public enum Series {

    /** Heap still in use after a collection, bytes: what the process holds on to. */
    HEAP_AFTER_GC("heapAfterGcBytes", true),
    /** Live Java threads. */
    LIVE_THREADS("liveThreads", true),
    /** Entries in the client's near caches (L1), summed over the regions. */
    NEAR_CACHE_ENTRIES("nearCacheEntries", true),
    /** Map entries a member owns (backups left out), summed over the maps. */
    OWNED_ENTRIES("ownedEntries", true),
    /**
     * Heap in use at the sample, garbage included, bytes: a member's sawtooth, not
     * judged.
     */
    HEAP_USED("heapUsedBytes", false),
    /**
     * Members a member has seen removed from its cluster since it started
     * ({@code grid_cluster_members_removed_total}): not judged for growth, but any rise
     * fails the soak, as a member judged dead without a fault was.
     */
    MEMBERS_REMOVED("membersRemoved", false),
    /** Operations the generator completed so far, warm-up included. */
    OPS("ops", false),
    /** Operations that failed so far, warm-up included. */
    ERRORS("errors", false);

    private final String id;

    private final boolean judged;

    Series(String id, boolean judged) {
        this.id = id;
        this.judged = judged;
    }

    /**
     * Returns the series' name in {@code soak.json}.
     * @return for example {@code heapAfterGcBytes}
     */
    public String id() {
        return this.id;
    }

    /**
     * Tells whether the series is judged for growth.
     * @return {@code true} for heap after GC, threads and entries
     */
    public boolean judged() {
        return this.judged;
    }

}

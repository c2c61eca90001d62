package com.wedsync.grid.loadtest.target;

import java.time.Duration;

/**
 * What a scenario may do to a grid a target started in-process: add a member, kill one,
 * and watch the partitions settle.
 */
public interface GridControl {

    /**
     * Returns the members running.
     * @return the count
     */
    int runningMembers();

    /** Starts one more member and returns once it has joined. */
    void startMember();

    /**
     * Kills the newest running member at once, as a crash would: no graceful migration of
     * its partitions.
     * @throws IllegalStateException if fewer than two members are running
     */
    void killMember();

    /**
     * Tells whether every partition's backups are in sync and no migration is under way.
     * @return {@code true} when the cluster is safe
     */
    boolean clusterSafe();

    /**
     * Waits until the cluster is safe.
     * @param timeout the bound on the wait
     * @return how long it took
     * @throws IllegalStateException naming the timeout if the cluster is not safe within
     * it
     */
    Duration awaitSafe(Duration timeout);

}

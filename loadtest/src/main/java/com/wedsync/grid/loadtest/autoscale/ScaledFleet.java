package com.wedsync.grid.loadtest.autoscale;

import java.util.Optional;

/**
 * The members an {@link Autoscaler} manages and the advice it follows.
 */
public interface ScaledFleet {

    /**
     * Returns the members running now.
     * @return the count
     */
    int members();

    /**
     * Reads the capacity advisor's latest advice from the oldest member, in bounded time.
     * @return the advice, empty when it is not known (no evaluation yet, no answer)
     */
    Optional<Advice> advice();

    /**
     * Starts one member and waits, in bounded time, until it has joined and the cluster
     * is safe.
     * @return the new member's name
     * @throws IllegalStateException naming the member if it did not become ready in time
     */
    String startMember();

    /**
     * Stops the newest member gracefully and waits, in bounded time, until it has left.
     * @return the stopped member's name
     * @throws IllegalStateException naming the member if it did not leave in time
     */
    String stopMember();

}

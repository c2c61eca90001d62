package com.wedsync.grid.config.ttl;

/**
 * What the caller knows about how an entry will be used, which stretches or shrinks its
 * base TTL.
 */
public enum AccessHint {

    /** Read far more often than written (a published timeline): twice the base TTL. */
    READ_MOSTLY,
    /** Nothing special known: the base TTL. */
    NORMAL,
    /**
     * Changes often (an RSVP list while invitations are open): a quarter of the base TTL.
     */
    VOLATILE

}

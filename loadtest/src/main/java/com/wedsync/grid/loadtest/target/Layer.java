package com.wedsync.grid.loadtest.target;

/**
 * Where an operation was answered, as the target can tell.
 */
public enum Layer {

    /** A read answered by the client's near cache (or by an in-process cache). */
    L1,
    /** A read answered by the remote store (the grid, Redis). */
    L2,
    /** A read that found nothing. */
    MISS,
    /** A write, acknowledged. */
    WRITE

}

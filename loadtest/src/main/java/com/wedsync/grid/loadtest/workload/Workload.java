package com.wedsync.grid.loadtest.workload;

import java.util.SplittableRandom;

/**
 * A source of operations. Thread-safe: each generator thread passes its own random.
 */
@FunctionalInterface
public interface Workload {

    /**
     * Draws the next operation.
     * @param random the calling thread's random
     * @return the operation
     */
    Operation next(SplittableRandom random);

}

package com.wedsync.grid.loadtest.generator;

/**
 * How the intended start times of an open-loop run are spaced.
 */
public enum Arrival {

    /**
     * Evenly spaced: one operation every {@code threads / rate} seconds on each thread.
     */
    CONSTANT,
    /**
     * A Poisson process: exponentially distributed gaps with the same mean, as
     * independent users arrive.
     */
    POISSON

}

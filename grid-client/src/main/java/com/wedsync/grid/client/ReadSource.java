package com.wedsync.grid.client;

/**
 * Where a read was answered.
 */
public enum ReadSource {

    /** The client's near cache. */
    L1,
    /** The grid: a member answered with the value. */
    L2,
    /** The grid had no value. */
    MISS;

    /**
     * Told synchronously, on the reading thread, where a read was answered; for callers
     * that measure layers themselves (the load test does). Implementations must be cheap
     * and must not throw.
     */
    @FunctionalInterface
    public interface Observer {

        /** An observer that does nothing. */
        Observer NONE = (source) -> {
        };

        /**
         * Called once per read.
         * @param source where it was answered
         */
        void observed(ReadSource source);

    }

}

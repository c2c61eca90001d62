package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.loadtest.workload.Operation;

/**
 * What the load generator drives: the grid through grid-client, Redis, or an in-process cache. One code path for
 * every target: the generator calls {@link #execute} and records the latency under the layer it returns.
 */
public interface Target extends AutoCloseable {

    /**
     * Returns the target's name as reports show it, for example {@code grid}, {@code grid-l2} or {@code redis}.
     * @return the name
     */
    String name();

    /**
     * Performs one operation, synchronously.
     * @param operation the operation
     * @return where it was answered
     * @throws RuntimeException if it failed; the generator counts it as an error
     */
    Layer execute(Operation operation);

    /** Releases the target's connections and anything it started. */
    @Override
    void close();
}

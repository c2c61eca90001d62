package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the load generator drives: the grid through grid-client, Redis, or an in-process
 * cache. One code path for every target: the generator calls {@link #execute} and records
 * the latency under the layer it returns.
 */
public interface Target extends AutoCloseable {

    /**
     * Returns the target's name as reports show it, for example {@code grid},
     * {@code grid-l2} or {@code redis}.
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

    /**
     * Starts one operation without waiting for it, for runs with many operations in
     * flight. Targets with an asynchronous client override this; the default runs it
     * synchronously on the caller's thread.
     * @param operation the operation
     * @return completes with where it was answered, or exceptionally if it failed
     */
    default CompletionStage<Layer> executeAsync(Operation operation) {
        try {
            return CompletableFuture.completedFuture(execute(operation));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * Returns the control of the grid this target started in-process, for scenarios that
     * add or kill members.
     * @return the control, or empty for a target that started none (a remote cluster,
     * Redis, an in-process cache)
     */
    default Optional<GridControl> cluster() {
        return Optional.empty();
    }

    /**
     * Returns the processes outside this JVM that serve the target, whose CPU time a run
     * records.
     * @return for example the Redis server; none by default
     */
    default List<ProcessSource> processes() {
        return List.of();
    }

    /** Releases the target's connections and anything it started. */
    @Override
    void close();

}

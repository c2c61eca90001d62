package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.workload.Operation;

/**
 * How generator threads hand operations to the target: {@link SyncIssuer} one at a time
 * on the calling thread, {@link AsyncIssuer} through the target's asynchronous API with a
 * bound on the operations in flight. Shared by all generator threads of a run.
 */
interface Issuer {

    /**
     * Waits for room to issue one more operation, but not past {@code end} and not once
     * the run is stopped.
     * @param end the {@code nanoTime} after which no operation is issued
     * @return {@code true} with the room taken (issue an operation or {@link #release()}
     * it), {@code false} if the end came or the run stopped first
     */
    boolean acquire(long end);

    /** Gives back room taken by {@link #acquire} and not used. */
    void release();

    /**
     * Issues an operation into the room taken by {@link #acquire}, and records its
     * latency from {@code start} (or its error) when it completes; gives the room back
     * then.
     * @param operation the operation
     * @param start the {@code nanoTime} its latency counts from
     * @param recorders where its latency or error goes
     */
    void issue(Operation operation, long start, LatencyRecorders recorders);

    /**
     * Waits for the operations still in flight, but not past {@code deadline}.
     * @param deadline the {@code nanoTime} to give up at
     * @return the operations still in flight then, abandoned
     */
    long awaitInFlight(long deadline);

}

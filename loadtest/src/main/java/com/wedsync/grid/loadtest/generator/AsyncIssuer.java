package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Issues operations through {@link Target#executeAsync}, at most {@code inFlight} at once
 * across all generator threads: a permit is taken before an operation is issued and given
 * back by its completion, which records the latency on whatever thread completed it
 * ({@link org.HdrHistogram.Recorder} takes values from any thread).
 * <p>
 * Waiting for a permit is bounded by the end of the run and checks the stop flag, so no
 * thread waits forever on a target that stopped answering. In an open-loop run that wait
 * is part of the operation's latency, since it counts from the intended start.
 */
final class AsyncIssuer implements Issuer {

    /**
     * The longest single wait for a permit before checking whether the run was stopped.
     */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Target target;

    private final int inFlight;

    private final Semaphore permits;

    private final LongSupplier nanoTime;

    private final AtomicBoolean stopped;

    /**
     * Creates the issuer.
     * @param target what to drive
     * @param inFlight the most operations in flight at once, positive
     * @param nanoTime the time source
     * @param stopped set when the run is abandoned early
     */
    AsyncIssuer(Target target, int inFlight, LongSupplier nanoTime, AtomicBoolean stopped) {
        this.target = target;
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
        this.nanoTime = nanoTime;
        this.stopped = stopped;
    }

    @Override
    public boolean acquire(long end) {
        try {
            while (!this.stopped.get()) {
                long remaining = end - this.nanoTime.getAsLong();
                if (remaining <= 0) {
                    return false;
                }
                if (this.permits.tryAcquire(Math.min(remaining, MAX_WAIT_NANOS), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void release() {
        this.permits.release();
    }

    @Override
    public void issue(Operation operation, long start, LatencyRecorders recorders) {
        CompletionStage<Layer> stage;
        try {
            stage = this.target.executeAsync(operation);
        }
        catch (RuntimeException ex) {
            recorders.recordError(operation.type(), ex);
            this.permits.release();
            return;
        }
        stage.whenComplete((layer, failure) -> {
            try {
                if (failure != null) {
                    recorders.recordError(operation.type(), unwrapped(failure));
                }
                else {
                    recorders.recordOutcome(operation, layer, this.target.name(), this.nanoTime.getAsLong() - start);
                }
            }
            finally {
                this.permits.release();
            }
        });
    }

    @Override
    public long awaitInFlight(long deadline) {
        try {
            long remaining = deadline - this.nanoTime.getAsLong();
            // All permits back means nothing is in flight; they are kept, so nothing more
            // can be issued.
            if (this.permits.tryAcquire(this.inFlight, Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
                return 0;
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return this.inFlight - this.permits.availablePermits();
    }

    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
                : failure;
        return (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
    }

}

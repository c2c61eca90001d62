package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.function.LongSupplier;

/**
 * Executes each operation on the generator thread through {@link Target#execute}: each
 * thread has one operation in flight, so there is always room for the next once the
 * previous has returned.
 */
final class SyncIssuer implements Issuer {

    private final Target target;

    private final LongSupplier nanoTime;

    /**
     * Creates the issuer.
     * @param target what to drive
     * @param nanoTime the time source
     */
    SyncIssuer(Target target, LongSupplier nanoTime) {
        this.target = target;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean acquire(long end) {
        return true;
    }

    @Override
    public void release() {
    }

    @Override
    public void issue(Operation operation, long start, LatencyRecorders recorders) {
        Layer layer;
        try {
            layer = this.target.execute(operation);
        }
        catch (RuntimeException ex) {
            recorders.recordError(operation.type(), ex);
            return;
        }
        recorders.recordOutcome(operation, layer, this.target.name(), this.nanoTime.getAsLong() - start);
    }

    @Override
    public long awaitInFlight(long deadline) {
        // Each thread waits for its own operation; the runner joins the threads.
        return 0;
    }

}

package com.wedsync.grid.loadtest.soak;

import com.wedsync.grid.loadtest.target.ObservedTarget;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target that counts the operations that completed and failed through it, warm-up
 * included, so that a soak's samples can say how far the load got and whether anything
 * failed, at any moment.
 */
public final class CountingTarget extends ObservedTarget {

    private final LongAdder completed = new LongAdder();

    private final LongAdder errors = new LongAdder();

    /**
     * Wraps a target.
     * @param target the target; closed with this one
     */
    public CountingTarget(Target target) {
        super(target);
    }

    @Override
    protected void succeeded(Operation sent) {
        this.completed.increment();
    }

    @Override
    protected void failed(Operation sent) {
        this.errors.increment();
    }

    /**
     * Returns the operations completed so far.
     * @return the count
     */
    public long completed() {
        return this.completed.sum();
    }

    /**
     * Returns the operations failed so far.
     * @return the count
     */
    public long errors() {
        return this.errors.sum();
    }

}

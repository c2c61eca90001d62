package com.wedsync.grid.loadtest.soak;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target that counts the operations that completed and failed through it, warm-up included, so that a soak's
 * samples can say how far the load got and whether anything failed, at any moment.
 */
public final class CountingTarget implements Target {

    private final Target target;

    private final LongAdder completed = new LongAdder();

    private final LongAdder errors = new LongAdder();

    /**
     * Wraps a target.
     * @param target the target; closed with this one
     */
    public CountingTarget(Target target) {
        this.target = target;
    }

    @Override
    public String name() {
        return this.target.name();
    }

    @Override
    public Layer execute(Operation operation) {
        try {
            Layer layer = this.target.execute(operation);
            this.completed.increment();
            return layer;
        }
        catch (RuntimeException ex) {
            this.errors.increment();
            throw ex;
        }
    }

    @Override
    public CompletionStage<Layer> executeAsync(Operation operation) {
        return this.target.executeAsync(operation).whenComplete((layer, failure) -> {
            if (failure == null) {
                this.completed.increment();
            }
            else {
                this.errors.increment();
            }
        });
    }

    @Override
    public List<ProcessSource> processes() {
        return this.target.processes();
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

    @Override
    public void close() {
        this.target.close();
    }
}

package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.loadtest.usage.ProcessSource;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A target that passes every operation on to another and is told how each one ended,
 * synchronous or not: the base of targets that keep books on the load (the operations
 * counted, the writes acknowledged).
 */
public abstract class ObservedTarget implements Target {

    private final Target target;

    /**
     * Wraps a target.
     * @param target the target operations go to; closed with this one
     */
    protected ObservedTarget(Target target) {
        this.target = target;
    }

    /**
     * Returns the target operations go to.
     * @return the wrapped target
     */
    protected final Target target() {
        return this.target;
    }

    /**
     * Returns the operation to send in place of one the generator issued.
     * @param operation the generator's operation
     * @return what is sent; the same operation by default
     */
    protected Operation sent(Operation operation) {
        return operation;
    }

    /**
     * Told when an operation completed.
     * @param sent the operation as it was sent
     */
    protected abstract void succeeded(Operation sent);

    /**
     * Told when an operation failed.
     * @param sent the operation as it was sent
     */
    protected abstract void failed(Operation sent);

    @Override
    public String name() {
        return this.target.name();
    }

    @Override
    public Layer execute(Operation operation) {
        Operation sent = sent(operation);
        try {
            Layer layer = this.target.execute(sent);
            succeeded(sent);
            return layer;
        }
        catch (RuntimeException ex) {
            failed(sent);
            throw ex;
        }
    }

    @Override
    public CompletionStage<Layer> executeAsync(Operation operation) {
        Operation sent = sent(operation);
        return this.target.executeAsync(sent).whenComplete((layer, failure) -> {
            if (failure == null) {
                succeeded(sent);
            }
            else {
                failed(sent);
            }
        });
    }

    @Override
    public Optional<GridControl> cluster() {
        return this.target.cluster();
    }

    @Override
    public List<ProcessSource> processes() {
        return this.target.processes();
    }

    @Override
    public void close() {
        this.target.close();
    }

}

package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.Workload;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One generator thread: draws an operation, waits for its intended start (open loop), executes it and records
 * the latency under the layer the target returns. A failing operation is counted, never fatal.
 */
final class Worker implements Runnable {

    private final Workload workload;

    private final Target target;

    private final SplittableRandom random;

    private final Metronome metronome;

    private final Pacer pacer;

    private final LongSupplier nanoTime;

    private final Phases phases;

    private final AtomicBoolean stopped;

    private volatile long unissued;

    /**
     * Creates a worker.
     * @param workload the source of operations
     * @param target what to drive
     * @param random this thread's random for the workload
     * @param metronome this thread's intended start times, or {@code null} to run closed loop
     * @param pacer waits for intended start times
     * @param nanoTime the time source
     * @param phases the run's times and recorders
     * @param stopped set when the run is abandoned early
     */
    Worker(Workload workload, Target target, SplittableRandom random, Metronome metronome, Pacer pacer,
            LongSupplier nanoTime, Phases phases, AtomicBoolean stopped) {
        this.workload = workload;
        this.target = target;
        this.random = random;
        this.metronome = metronome;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
        this.phases = phases;
        this.stopped = stopped;
    }

    @Override
    public void run() {
        if (this.metronome == null) {
            runClosedLoop();
        }
        else {
            runOpenLoop();
        }
    }

    /**
     * Returns the operations this worker was due to issue before the end but never did.
     * @return the count, final once the thread has ended
     */
    long unissued() {
        return this.unissued;
    }

    private void runOpenLoop() {
        long end = this.phases.end();
        long intended = this.metronome.next();
        while (intended - end < 0 && !this.stopped.get()) {
            // Drawn before waiting, so that the workload's own cost is not measured as the target's.
            Operation operation = this.workload.next(this.random);
            this.pacer.awaitUntil(intended);
            if (this.nanoTime.getAsLong() - end >= 0) {
                break;
            }
            // Latency counts from the intended start, not the actual one: a late start is latency the user feels.
            execute(operation, intended);
            intended = this.metronome.next();
        }
        if (this.stopped.get()) {
            return;
        }
        long behind = 0;
        for (; intended - end < 0; intended = this.metronome.next()) {
            behind++;
        }
        this.unissued = behind;
    }

    private void runClosedLoop() {
        // Starts with the others at the origin; before it, operations would land in the warm-up and be discarded.
        this.pacer.awaitUntil(this.phases.origin());
        while (!this.stopped.get()) {
            Operation operation = this.workload.next(this.random);
            long start = this.nanoTime.getAsLong();
            if (start - this.phases.end() >= 0) {
                return;
            }
            execute(operation, start);
        }
    }

    private void execute(Operation operation, long start) {
        LatencyRecorders recorders = this.phases.recordersFor(start);
        Layer layer;
        try {
            layer = this.target.execute(operation);
        }
        catch (RuntimeException ex) {
            recorders.recordError(operation.type(), ex);
            return;
        }
        long completed = this.nanoTime.getAsLong();
        if (layer == null) {
            recorders.recordError(operation.type(),
                    new IllegalStateException("target " + this.target.name() + " returned no layer"));
            return;
        }
        recorders.record(operation.type(), layer, completed - start);
    }
}

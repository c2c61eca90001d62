package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.Workload;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One generator thread: draws an operation, waits for its intended start (open loop),
 * hands it to the run's {@link Issuer}, which records its latency under the layer the
 * target returns. A failing operation is counted, never fatal. Stops at the end of the
 * run, or once the run's {@link OpBudget} is spent.
 */
final class Worker implements Runnable {

    /** An operation issued later than this after its intended start was issued late. */
    static final long LATE_NANOS = 1_000_000;

    private final Workload workload;

    private final SplittableRandom random;

    private final Metronome metronome;

    private final Pacer pacer;

    private final LongSupplier nanoTime;

    private final Phases phases;

    private final Issuer issuer;

    private final OpBudget budget;

    private final AtomicBoolean stopped;

    private volatile long unissued;

    private volatile long lateStarts;

    private volatile long maxStartLagNanos;

    /**
     * Creates a worker.
     * @param workload the source of operations
     * @param random this thread's random for the workload
     * @param metronome this thread's intended start times, or {@code null} to run closed
     * loop
     * @param pacer waits for intended start times
     * @param nanoTime the time source
     * @param phases the run's times and recorders
     * @param issuer hands operations to the target; shared by the run's workers
     * @param budget the bound on measured operations; shared by the run's workers
     * @param stopped set when the run is abandoned early
     */
    Worker(Workload workload, SplittableRandom random, Metronome metronome, Pacer pacer, LongSupplier nanoTime,
            Phases phases, Issuer issuer, OpBudget budget, AtomicBoolean stopped) {
        this.workload = workload;
        this.random = random;
        this.metronome = metronome;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
        this.phases = phases;
        this.issuer = issuer;
        this.budget = budget;
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

    /**
     * Returns the measured operations this worker issued more than {@link #LATE_NANOS}
     * after their intended start.
     * @return the count, final once the thread has ended
     */
    long lateStarts() {
        return this.lateStarts;
    }

    /**
     * Returns the longest time a measured operation waited past its intended start before
     * this worker issued it.
     * @return nanoseconds, final once the thread has ended
     */
    long maxStartLagNanos() {
        return this.maxStartLagNanos;
    }

    private void runOpenLoop() {
        long end = this.phases.end();
        long intended = this.metronome.next();
        while (intended - end < 0 && !this.stopped.get()) {
            // Drawn before waiting, so that the workload's own cost is not measured as
            // the target's.
            Operation operation = this.workload.next(this.random);
            this.pacer.awaitUntil(intended);
            noteLag(intended);
            // Latency counts from the intended start, not the actual one: a late start is
            // latency the user feels.
            if (!issue(operation, intended)) {
                break;
            }
            intended = this.metronome.next();
        }
        if (this.stopped.get() || this.budget.exhausted()) {
            return;
        }
        long behind = 0;
        for (; intended - end < 0; intended = this.metronome.next()) {
            behind++;
        }
        this.unissued = behind;
    }

    /**
     * Counts how late the generator itself is: its thread was busy or not scheduled at
     * the intended start.
     */
    private void noteLag(long intended) {
        if (intended - this.phases.measureStart() < 0) {
            return;
        }
        long lag = this.nanoTime.getAsLong() - intended;
        if (lag > LATE_NANOS) {
            this.lateStarts++;
        }
        if (lag > this.maxStartLagNanos) {
            this.maxStartLagNanos = lag;
        }
    }

    private void runClosedLoop() {
        // Starts with the others at the origin; before it, operations would land in the
        // warm-up and be discarded.
        this.pacer.awaitUntil(this.phases.origin());
        while (!this.stopped.get()) {
            Operation operation = this.workload.next(this.random);
            // Latency counts from the actual issue, after any wait for room in flight:
            // closed loop has no schedule.
            if (!issue(operation, Long.MIN_VALUE)) {
                return;
            }
        }
    }

    /**
     * Issues an operation unless the run has ended, stopped or spent its budget.
     * @param intended the intended start, or {@link Long#MIN_VALUE} to count from the
     * actual issue
     * @return whether it was issued
     */
    private boolean issue(Operation operation, long intended) {
        long end = this.phases.end();
        if (!this.issuer.acquire(end)) {
            return false;
        }
        long now = this.nanoTime.getAsLong();
        long start = (intended == Long.MIN_VALUE) ? now : intended;
        boolean measured = start - this.phases.measureStart() >= 0;
        if (now - end >= 0 || (measured && !this.budget.take())) {
            this.issuer.release();
            return false;
        }
        this.issuer.issue(operation, start, this.phases.recordersFor(start));
        return true;
    }

}

package com.wedsync.grid.loadtest.generator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Waits until an intended start time: parks, and optionally spins for the last {@code spinNanos}, because a park
 * can wake tens of microseconds late and that lag would be measured as latency. Returns at once when the time has
 * already passed: it never skips or reschedules.
 * <p>
 * Generator threads park by default: spinning takes whole cores away from whatever shares the machine, and with
 * an embedded grid in the same JVM those are its IO and partition threads, whose delays cost far more than a late
 * wake-up. Set the system property {@value #SPIN_PROPERTY} to {@code true} to spin when the generator threads have
 * a core each (a remote target on a machine of its own).
 */
final class Pacer {

    /** How long before the intended time to stop parking and spin, when the threads have a core each. */
    static final long SPIN_NANOS = 100_000;

    /** The system property that, set to {@code true}, makes generator threads spin the last stretch of a wait. */
    static final String SPIN_PROPERTY = "loadtest.spin";

    private final LongSupplier nanoTime;

    private final LongConsumer parker;

    private final long spinNanos;

    /**
     * Creates a pacer.
     * @param nanoTime the time source
     * @param parker parks the calling thread for about the given nanoseconds
     * @param spinNanos the final stretch of a wait that is spun instead of parked (0 to always park)
     */
    Pacer(LongSupplier nanoTime, LongConsumer parker, long spinNanos) {
        this.nanoTime = nanoTime;
        this.parker = parker;
        this.spinNanos = spinNanos;
    }

    /**
     * Creates a pacer on {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}.
     * @param spin whether to spin the last stretch; only worth it when no more threads wait than there are cores
     * @return the pacer
     */
    static Pacer system(boolean spin) {
        return new Pacer(System::nanoTime, LockSupport::parkNanos, spin ? SPIN_NANOS : 0);
    }

    /**
     * Tells whether spinning was asked for with the system property {@value #SPIN_PROPERTY}.
     * @return {@code true} if the property is {@code true}
     */
    static boolean spinRequested() {
        return Boolean.getBoolean(SPIN_PROPERTY);
    }

    /**
     * Returns when {@code nanoTime} has reached {@code intended}, or at once if it has already, or if the thread
     * is interrupted.
     * @param intended the {@code nanoTime} to wait for
     */
    void awaitUntil(long intended) {
        long remaining;
        while ((remaining = intended - this.nanoTime.getAsLong()) > 0 && !Thread.currentThread().isInterrupted()) {
            if (remaining > this.spinNanos) {
                this.parker.accept(remaining - this.spinNanos);
            }
            else {
                Thread.onSpinWait();
            }
        }
    }
}

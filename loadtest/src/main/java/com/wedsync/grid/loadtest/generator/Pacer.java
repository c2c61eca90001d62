package com.wedsync.grid.loadtest.generator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Waits until an intended start time: parks for the long part of the wait and spins for the last
 * {@code spinNanos}, because a park can wake tens of microseconds late and that lag would be measured as
 * latency. Returns at once when the time has already passed: it never skips or reschedules.
 */
final class Pacer {

    /** How long before the intended time to stop parking and spin, when the threads have a core each. */
    static final long SPIN_NANOS = 100_000;

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

package com.wedsync.grid.loadtest.generator;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Waits until an intended start time: parks for the long part of the wait and, when the
 * threads have a core each and a thread's operations are at least {@link #MIN_GAP_NANOS}
 * apart, waits out the last {@link #SPIN_NANOS} without parking, because a park can wake
 * a hundred microseconds late and that lag would be measured as latency. Returns at once
 * when the time has already passed: it never skips or reschedules.
 * <p>
 * How the last stretch is waited is set by the system property {@value #SPIN_PROPERTY}:
 * {@code yield} (the default) calls {@link Thread#yield()} in a loop, which wakes on time
 * but lets any other runnable thread have the core; {@code true} spins
 * ({@link Thread#onSpinWait()}), which wakes soonest but holds the core, worth it only
 * for a remote target on a machine of its own; {@code false} parks all the way. With an
 * embedded grid in the same JVM on 2 cores, spinning starved Hazelcast's threads (p99 of
 * the baseline in the hundreds of milliseconds), parking made the median mostly the
 * generator's own late wake-ups, and yielding kept both low. Closer together than
 * {@link #MIN_GAP_NANOS}, a thread would hardly ever park and keep its core busy, so it
 * parks all the way.
 */
final class Pacer {

    /**
     * How long before the intended time to stop parking, when the threads have a core
     * each.
     */
    static final long SPIN_NANOS = 100_000;

    /**
     * The smallest gap between a thread's operations at which it waits out the last
     * stretch without parking.
     */
    static final long MIN_GAP_NANOS = 2 * SPIN_NANOS;

    /**
     * The system property that chooses how the last stretch of a wait is waited: yield,
     * true (spin) or false.
     */
    static final String SPIN_PROPERTY = "loadtest.spin";

    private final LongSupplier nanoTime;

    private final LongConsumer parker;

    private final long spinNanos;

    private final Runnable idler;

    /**
     * Creates a pacer that spins the last stretch.
     * @param nanoTime the time source
     * @param parker parks the calling thread for about the given nanoseconds
     * @param spinNanos the final stretch of a wait that is spun instead of parked (0 to
     * always park)
     */
    Pacer(LongSupplier nanoTime, LongConsumer parker, long spinNanos) {
        this(nanoTime, parker, spinNanos, Thread::onSpinWait);
    }

    /**
     * Creates a pacer.
     * @param nanoTime the time source
     * @param parker parks the calling thread for about the given nanoseconds
     * @param spinNanos the final stretch of a wait that is not parked (0 to always park)
     * @param idler called repeatedly in the final stretch
     */
    Pacer(LongSupplier nanoTime, LongConsumer parker, long spinNanos, Runnable idler) {
        this.nanoTime = nanoTime;
        this.parker = parker;
        this.spinNanos = spinNanos;
        this.idler = idler;
    }

    /**
     * Creates a pacer on {@link System#nanoTime()} and
     * {@link LockSupport#parkNanos(long)} that parks all the way.
     * @return the pacer
     */
    static Pacer parking() {
        return new Pacer(System::nanoTime, LockSupport::parkNanos, 0);
    }

    /**
     * Creates the pacer of a run's generator threads, as {@value #SPIN_PROPERTY} asks: it
     * parks all the way, whatever the property says, when there are more threads than
     * cores or when each thread's operations are closer together than
     * {@link #MIN_GAP_NANOS} at the run's highest rate.
     * @param threads the run's generator threads
     * @param peakRate the run's highest rate, operations per second of all threads; 0 for
     * closed loop
     * @return the pacer
     * @throws IllegalArgumentException naming the property and its value if it is not
     * yield, true or false
     */
    static Pacer forRun(int threads, double peakRate) {
        String mode = System.getProperty(SPIN_PROPERTY, "yield").trim().toLowerCase(Locale.ROOT);
        Runnable idler = switch (mode) {
            case "yield" -> Thread::yield;
            case "true" -> Thread::onSpinWait;
            case "false" -> null;
            default -> throw new IllegalArgumentException(
                    "-D" + SPIN_PROPERTY + "=" + mode + " must be yield (the default), true (spin) or false (park)");
        };
        boolean coreEach = threads <= Runtime.getRuntime().availableProcessors();
        boolean farApart = peakRate == 0 || threads * 1e9 / peakRate >= MIN_GAP_NANOS;
        return (idler != null && coreEach && farApart)
                ? new Pacer(System::nanoTime, LockSupport::parkNanos, SPIN_NANOS, idler) : parking();
    }

    /**
     * Returns the final stretch of a wait that is not parked.
     * @return nanoseconds, 0 if it parks all the way
     */
    long spinNanos() {
        return this.spinNanos;
    }

    /**
     * Returns when {@code nanoTime} has reached {@code intended}, or at once if it has
     * already, or if the thread is interrupted.
     * @param intended the {@code nanoTime} to wait for
     */
    void awaitUntil(long intended) {
        long remaining;
        while ((remaining = intended - this.nanoTime.getAsLong()) > 0 && !Thread.currentThread().isInterrupted()) {
            if (remaining > this.spinNanos) {
                this.parker.accept(remaining - this.spinNanos);
            }
            else {
                this.idler.run();
            }
        }
    }

}

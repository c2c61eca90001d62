package com.wedsync.grid.config.hazelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Sends a member's near-cache invalidations the way a bulk load needs them and ordinary
 * traffic does not notice: the first {@link #SENT_AT_ONCE} invalidations of a map in each
 * window of {@link #WINDOW_NANOS} go out at once, as Hazelcast's
 * {@code NonStopInvalidator} sends every one, with no timer involved; the rest of a busy
 * window's, and all of the next window's, wait at most one window, or until
 * {@link #BATCH} of them are waiting, and go out as one event. A 100,000-key
 * {@code putAll} then costs each near-caching client about 1,000 events instead of
 * 100,000, a reader sees such a write at most one window later than it would have, and a
 * service writing a thousand times a second sees no change. Hazelcast's own batching
 * ({@code hazelcast.map.invalidation.batch.enabled}) holds even a lone write for up to
 * its flush period, whole seconds.
 *
 * <p>
 * The events are Hazelcast's own (single ones as its send-at-once invalidator sends them,
 * ordered by the key's partition; gathered ones as a {@code BatchNearCacheInvalidation},
 * ordered per listener), numbered by the replaced invalidator's sequence generator, so
 * clients repair missed events as before. A key's single invalidation and a later batched
 * one may reach a client in either order: both drop the key, and the client counts the
 * sequence gap as Hazelcast's repair expects. This class decides only when each goes out;
 * {@link MemberInternals} makes it the member's invalidator and sends what it decides
 * ({@link Channel}).
 *
 * @param <E> the type of one key's invalidation
 */
final class CoalescingInvalidator<E> {

    /** Most invalidations in one event. */
    static final int BATCH = 100;

    /** The window: invalidations beyond the first few of one wait at most this long. */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Invalidations of one map sent at once in each window; the rest of the window's wait
     * for its end.
     */
    static final int SENT_AT_ONCE = 8;

    private final Channel<E> channel;

    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    private final ScheduledThreadPoolExecutor timer;

    private final LongAdder events = new LongAdder();

    private final LongAdder invalidations = new LongAdder();

    private final LongSupplier clock;

    /**
     * Creates an invalidator on its own clock and timer.
     * @param channel sends the events
     * @param clock tells the time, in nanoseconds, that windows are counted in
     * @param timer runs the end-of-window sends; shut down with this invalidator
     */
    CoalescingInvalidator(Channel<E> channel, LongSupplier clock, ScheduledThreadPoolExecutor timer) {
        this.channel = channel;
        this.clock = clock;
        this.timer = timer;
    }

    /**
     * Returns the timer of a member's invalidator: one daemon thread.
     * @return the timer
     */
    static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
            Thread thread = new Thread(runnable, "wedsync-invalidation-window");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Takes one key's invalidation: sends it at once, or keeps it for its window's event.
     * @param mapName the map
     * @param invalidation the invalidation
     * @param orderKey what orders it among single events (the key's partition)
     */
    void invalidate(String mapName, E invalidation, int orderKey) {
        this.invalidations.increment();
        this.pending.computeIfAbsent(mapName, Pending::new).add(invalidation, orderKey);
    }

    /**
     * Sends what waits for a map that is destroyed, and forgets the map.
     * @param mapName the map
     */
    void destroy(String mapName) {
        Pending map = this.pending.remove(mapName);
        if (map != null) {
            map.flush();
        }
    }

    /** Sends everything that waits. */
    void flushAll() {
        this.pending.values().forEach(Pending::flush);
    }

    /** Sends everything that waits and stops the timer. */
    void shutdown() {
        flushAll();
        this.timer.shutdownNow();
    }

    /**
     * Returns how many events have been sent, each to every near-caching listener of its
     * map.
     * @return the events
     */
    long events() {
        return this.events.sum();
    }

    /**
     * Returns how many key invalidations have been made.
     * @return the invalidations
     */
    long invalidations() {
        return this.invalidations.sum();
    }

    /**
     * Returns whether a map has invalidations waiting, or a flush of them scheduled.
     * @param mapName the map
     * @return {@code true} while some of its writes are gathered
     */
    boolean gathering(String mapName) {
        Pending map = this.pending.get(mapName);
        return map != null && map.gathering();
    }

    private void send(String mapName, List<E> batch) {
        if (this.channel.sendBatch(mapName, batch)) {
            this.events.increment();
        }
    }

    /**
     * One map's invalidations: how many its current window has seen, and those waiting
     * for its end.
     */
    private final class Pending {

        private final String mapName;

        private List<E> waiting = new ArrayList<>();

        private long window = Long.MIN_VALUE;

        private int inWindow;

        private boolean busy;

        private boolean flushScheduled;

        Pending(String mapName) {
            this.mapName = mapName;
        }

        synchronized boolean gathering() {
            return this.flushScheduled || !this.waiting.isEmpty();
        }

        synchronized void add(E invalidation, int orderKey) {
            long now = CoalescingInvalidator.this.clock.getAsLong() / WINDOW_NANOS;
            if (now != this.window) {
                // A window right after a busy one is busy from its start: a bulk load
                // sends no single events after its first window.
                this.busy = now == this.window + 1 && this.inWindow > SENT_AT_ONCE;
                this.window = now;
                this.inWindow = 0;
            }
            this.inWindow++;
            if (!this.busy && this.inWindow <= SENT_AT_ONCE && this.waiting.isEmpty()) {
                // Exactly as Hazelcast's NonStopInvalidator sends it: one event, ordered
                // by the key's partition.
                CoalescingInvalidator.this.channel.sendNow(invalidation, orderKey);
                CoalescingInvalidator.this.events.increment();
                return;
            }
            this.waiting.add(invalidation);
            if (this.waiting.size() >= BATCH) {
                flush();
            }
            else if (!this.flushScheduled) {
                scheduleFlush();
            }
        }

        synchronized void flushScheduled() {
            this.flushScheduled = false;
            flush();
        }

        synchronized void flush() {
            if (!this.waiting.isEmpty()) {
                List<E> batch = this.waiting;
                this.waiting = new ArrayList<>();
                send(this.mapName, batch);
            }
        }

        /**
         * Sends what waits one window from now; once the member shuts down, nothing
         * waits.
         */
        private void scheduleFlush() {
            try {
                CoalescingInvalidator.this.timer.schedule(this::flushScheduled, WINDOW_NANOS, TimeUnit.NANOSECONDS);
                this.flushScheduled = true;
            }
            catch (RejectedExecutionException ex) {
                flush();
            }
        }

    }

    /**
     * Sends invalidation events to every near-caching listener of a map.
     *
     * @param <E> the type of one key's invalidation
     */
    interface Channel<E> {

        /**
         * Sends one key's invalidation as its own event, as Hazelcast's send-at-once
         * invalidator does.
         * @param invalidation the invalidation
         * @param orderKey what orders it (the key's partition)
         */
        void sendNow(E invalidation, int orderKey);

        /**
         * Sends invalidations as one event. One that cannot be sent is logged, not
         * thrown: its sequence numbers are spent, so the listeners' repair task finds the
         * gap and drops the keys it may cover.
         * @param mapName the map
         * @param batch the invalidations
         * @return true if it was sent
         */
        boolean sendBatch(String mapName, List<E> batch);

    }

}

package com.wedsync.grid.config.hazelcast;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.internal.nearcache.impl.invalidation.BatchNearCacheInvalidation;
import com.hazelcast.internal.nearcache.impl.invalidation.Invalidation;
import com.hazelcast.internal.nearcache.impl.invalidation.Invalidator;
import com.hazelcast.map.impl.EventListenerFilter;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.eventservice.EventFilter;
import com.hazelcast.spi.impl.eventservice.EventRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a member's near-cache invalidations the way a bulk load needs them and a lone write does not notice: a
 * write to a map that sent nothing in the last {@link #WINDOW_NANOS} goes out at once, as Hazelcast's
 * {@code NonStopInvalidator} sends every write; writes that follow within that window wait for its end, or until
 * {@link #BATCH} of them are waiting, and go out as one event. A 100,000-key {@code putAll} then costs each
 * near-caching client about 1,000 events instead of 100,000, and a reader sees a write at most one window later
 * than it would have. Hazelcast's own batching ({@code hazelcast.map.invalidation.batch.enabled}) holds even a lone
 * write for up to its flush period, whole seconds.
 *
 * <p>The events are Hazelcast's own ({@link BatchNearCacheInvalidation}), numbered by the replaced invalidator's
 * sequence generator, so clients repair missed events as before. Each map's events leave in the order they were
 * made, under the map's lock, in one ordered stream per listener.
 */
final class CoalescingInvalidator extends Invalidator {

    /** Most invalidations in one event. */
    static final int BATCH = 100;

    /** How long after an event further writes to its map are held back and gathered. */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    private final ScheduledThreadPoolExecutor timer;

    private final LongAdder events = new LongAdder();

    private final LongAdder invalidations = new LongAdder();

    CoalescingInvalidator(NodeEngine nodeEngine) {
        super(MapService.SERVICE_NAME, CoalescingInvalidator::isInvalidationListener, nodeEngine);
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "wedsync-invalidation-window");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** The registrations Hazelcast's map near-cache manager sends invalidations to. */
    private static boolean isInvalidationListener(EventRegistration registration) {
        EventFilter filter = registration.getFilter();
        return filter instanceof EventListenerFilter && filter.eval(EntryEventType.INVALIDATION.getType());
    }

    @Override
    protected void invalidateInternal(Invalidation invalidation, int orderKey) {
        this.invalidations.increment();
        this.pending.computeIfAbsent(invalidation.getName(), Pending::new).add(invalidation);
    }

    @Override
    public void destroy(String dataStructureName, UUID sourceUuid) {
        Pending map = this.pending.remove(dataStructureName);
        if (map != null) {
            map.flush();
        }
        super.destroy(dataStructureName, sourceUuid);
    }

    @Override
    public void reset() {
        flushAll();
    }

    @Override
    public void shutdown() {
        flushAll();
        this.timer.shutdownNow();
    }

    /**
     * Returns how many events have been sent, each to every near-caching listener of its map.
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
     * Returns whether a map's window is open: whether its next invalidation waits.
     * @param mapName the map
     * @return {@code true} while writes to it are gathered
     */
    boolean gathering(String mapName) {
        Pending map = this.pending.get(mapName);
        return map != null && map.windowOpen();
    }

    private void flushAll() {
        this.pending.values().forEach(Pending::flush);
    }

    /**
     * Publishes one event to every near-caching listener of a map. An event that cannot be published is logged:
     * its sequence numbers are spent, so the listeners' repair task finds the gap and drops the keys it may cover.
     */
    private void send(String mapName, List<Invalidation> batch) {
        Invalidation event = new BatchNearCacheInvalidation(mapName, batch);
        try {
            for (EventRegistration registration : this.eventService.getRegistrations(this.serviceName, mapName)) {
                if (this.eventFilter.test(registration)) {
                    this.eventService.publishEvent(this.serviceName, registration, event,
                            registration.getId().hashCode());
                }
            }
            this.events.increment();
        }
        catch (RuntimeException ex) {
            this.logger.warning("event=invalidation_not_sent map=" + mapName + " keys=" + batch.size()
                    + ": near caches repair it from sequence numbers", ex);
        }
    }

    /** One map's invalidations waiting for the end of its window. */
    private final class Pending {

        private final String mapName;

        private List<Invalidation> waiting = new ArrayList<>();

        private boolean windowOpen;

        Pending(String mapName) {
            this.mapName = mapName;
        }

        synchronized boolean windowOpen() {
            return this.windowOpen;
        }

        synchronized void add(Invalidation invalidation) {
            this.waiting.add(invalidation);
            if (this.windowOpen && !CoalescingInvalidator.this.timer.isShutdown()) {
                if (this.waiting.size() >= BATCH) {
                    flush();
                }
                return;
            }
            try {
                flush();
            }
            finally {
                openWindow();
            }
        }

        /** Sends what waits; the window stays open while writes keep coming, and closes after one without. */
        synchronized void endOfWindow() {
            if (this.waiting.isEmpty()) {
                this.windowOpen = false;
                return;
            }
            try {
                flush();
            }
            finally {
                openWindow();
            }
        }

        synchronized void flush() {
            if (!this.waiting.isEmpty()) {
                List<Invalidation> batch = this.waiting;
                this.waiting = new ArrayList<>();
                send(this.mapName, batch);
            }
        }

        /** Holds back the next writes until the window ends; once the member shuts down, nothing is held back. */
        private void openWindow() {
            try {
                CoalescingInvalidator.this.timer.schedule(this::endOfWindow, WINDOW_NANOS, TimeUnit.NANOSECONDS);
                this.windowOpen = true;
            }
            catch (RejectedExecutionException ex) {
                this.windowOpen = false;
                flush();
            }
        }
    }
}

package com.wedsync.grid.node.calendar;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.calendar.TrafficMultipliers;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic calendar of the declared weddings and deadlines, as the advisor and the
 * alerts use it. A listener on {@value CalendarMap#NAME} only marks it stale; the next
 * caller (the monitor's thread, once per sample, or a scrape) reads the map once and
 * rebuilds it, so a burst of declarations costs one read. A failed read keeps the last
 * calendar, logs a WARN and is tried again at the next call.
 */
public final class LiveCalendar implements Supplier<TrafficCalendar>, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LiveCalendar.class);

    private final StoredDeclarations stored;

    private final TrafficMultipliers multipliers;

    private final AtomicBoolean stale = new AtomicBoolean(true);

    private final UUID listener;

    private volatile Snapshot snapshot;

    private int rebuilds;

    /**
     * Creates the calendar and starts listening to the map.
     * @param stored the declarations
     * @param multipliers the multiplier of each cause
     */
    public LiveCalendar(StoredDeclarations stored, TrafficMultipliers multipliers) {
        this.stored = stored;
        this.multipliers = multipliers;
        this.snapshot = new Snapshot(TrafficCalendar.of(multipliers, List.of()), List.of());
        this.listener = stored.map().addEntryListener(new Changes(), false);
    }

    /**
     * Returns the calendar of the declarations stored now, rebuilt if they changed since
     * the last call.
     * @return the calendar
     */
    @Override
    public TrafficCalendar get() {
        return current().calendar();
    }

    /**
     * Returns the declarations the calendar was built from.
     * @return the declarations, rebuilt if they changed since the last call
     */
    public List<Declaration> declarations() {
        return current().declarations();
    }

    /**
     * Returns how often the calendar was rebuilt, for tests.
     * @return the rebuilds so far
     */
    synchronized int rebuilds() {
        return this.rebuilds;
    }

    @Override
    public void close() {
        try {
            this.stored.map().removeEntryListener(this.listener);
        }
        catch (RuntimeException ex) {
            // The member may already have stopped; its listeners went with it.
            logger.debug("event=calendar_listener_not_removed map={}", CalendarMap.NAME, ex);
        }
    }

    private synchronized Snapshot current() {
        if (this.stale.getAndSet(false)) {
            try {
                List<Declaration> declarations = List.copyOf(this.stored.read());
                this.rebuilds++;
                this.snapshot = new Snapshot(CalendarMap.calendar(this.multipliers, declarations), declarations);
            }
            catch (RuntimeException ex) {
                this.stale.set(true);
                logger.warn("event=calendar_not_rebuilt map={} kept={} reason={}", CalendarMap.NAME,
                        this.snapshot.declarations().size(), ex.toString());
            }
        }
        return this.snapshot;
    }

    private record Snapshot(TrafficCalendar calendar, List<Declaration> declarations) {
    }

    private final class Changes
            implements EntryAddedListener<String, Declaration>, EntryUpdatedListener<String, Declaration>,
            EntryRemovedListener<String, Declaration>, EntryExpiredListener<String, Declaration>, MapClearedListener {

        @Override
        public void entryAdded(EntryEvent<String, Declaration> event) {
            LiveCalendar.this.stale.set(true);
        }

        @Override
        public void entryUpdated(EntryEvent<String, Declaration> event) {
            LiveCalendar.this.stale.set(true);
        }

        @Override
        public void entryRemoved(EntryEvent<String, Declaration> event) {
            LiveCalendar.this.stale.set(true);
        }

        @Override
        public void entryExpired(EntryEvent<String, Declaration> event) {
            LiveCalendar.this.stale.set(true);
        }

        @Override
        public void mapCleared(MapEvent event) {
            LiveCalendar.this.stale.set(true);
        }

    }

}

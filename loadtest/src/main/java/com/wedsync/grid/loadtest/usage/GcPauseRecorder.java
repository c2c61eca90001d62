package com.wedsync.grid.loadtest.usage;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's collector pauses, from the JVM's own notification of each collection (as
 * Micrometer's {@code JvmGcMetrics} records them), between {@link #start()} and
 * {@link #stop()}.
 */
final class GcPauseRecorder implements NotificationListener {

    private final AtomicLong count = new AtomicLong();

    private final DoubleAdder totalMillis = new DoubleAdder();

    private final AtomicLong maxMillis = new AtomicLong();

    private final AtomicLong over10 = new AtomicLong();

    private final List<NotificationEmitter> emitters = new ArrayList<>();

    /** Starts listening to every collector of this JVM. */
    void start() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                this.emitters.add(emitter);
            }
        }
    }

    /**
     * Stops listening.
     * @return the pauses since {@link #start()}
     */
    GcFigures stop() {
        for (NotificationEmitter emitter : this.emitters) {
            try {
                emitter.removeNotificationListener(this);
            }
            catch (ListenerNotFoundException ex) {
                // Never added: nothing to remove.
            }
        }
        this.emitters.clear();
        return new GcFigures(this.count.get(), this.totalMillis.sum(), this.maxMillis.get(), true, this.over10.get());
    }

    /**
     * Returns the pauses recorded so far.
     * @return the count
     */
    long count() {
        return this.count.get();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
            .from((CompositeData) notification.getUserData());
        if (concurrent(info.getGcName(), info.getGcCause())) {
            return;
        }
        long millis = info.getGcInfo().getDuration();
        this.count.incrementAndGet();
        this.totalMillis.add(millis);
        this.maxMillis.accumulateAndGet(millis, Math::max);
        if (millis > 10) {
            this.over10.incrementAndGet();
        }
    }

    /**
     * Tells a concurrent cycle from a pause, as Micrometer's {@code JvmGcMetrics} does.
     * @param name the collector's bean name
     * @param cause the collection's cause
     * @return whether the notification is of a concurrent cycle
     */
    static boolean concurrent(String name, String cause) {
        return "No GC".equals(cause) || "G1 Concurrent GC".equals(name) || "Shenandoah Cycles".equals(name)
                || (name.startsWith("ZGC") && name.endsWith("Cycles"));
    }

}

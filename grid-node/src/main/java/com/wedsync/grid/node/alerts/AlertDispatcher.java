package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.AlertEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands alert changes and scaling changes to every sink, and keeps a bounded history of
 * each (alert changes, and notices of the info tier such as scaling changes) for the
 * {@code alerts} endpoint. A sink that throws is logged at WARN and counted
 * ({@code grid.alert.deliveries} with {@code result=failed}); the others are still told.
 */
public final class AlertDispatcher {

    /** The meter counting deliveries per sink and result. */
    public static final String DELIVERIES = "grid.alert.deliveries";

    private static final Logger logger = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<AlertSink> sinks;

    private final MeterRegistry registry;

    private final int historySize;

    private final ArrayDeque<AlertEvent> history = new ArrayDeque<>();

    private final ArrayDeque<ScalingChange> notices = new ArrayDeque<>();

    /**
     * Creates the dispatcher.
     * @param sinks the sinks, in order
     * @param registry where delivery counts go
     * @param historySize how many alert changes the history keeps, and how many notices
     */
    public AlertDispatcher(List<AlertSink> sinks, MeterRegistry registry, int historySize) {
        this.sinks = List.copyOf(sinks);
        this.registry = registry;
        this.historySize = historySize;
        for (AlertSink sink : this.sinks) {
            if (!sink.countsOwnDeliveries()) {
                deliveries(registry, sink.name(), "delivered");
                deliveries(registry, sink.name(), "failed");
            }
        }
    }

    /**
     * Returns the counter of one sink's deliveries with one result, registering it on
     * first use.
     * @param registry the registry
     * @param sink the sink's name
     * @param result {@code delivered}, {@code failed}, {@code dropped} or
     * {@code filtered}
     * @return the counter
     */
    public static Counter deliveries(MeterRegistry registry, String sink, String result) {
        return Counter.builder(DELIVERIES)
            .description("Alert and scaling notifications handed to a sink, by result")
            .tag("sink", sink)
            .tag("result", result)
            .register(registry);
    }

    /**
     * Records an alert change and tells every sink.
     * @param event the change
     */
    public void publish(AlertEvent event) {
        keep(this.history, event);
        each((sink) -> sink.alert(event), event.alert().id());
    }

    /**
     * Tells every sink of a change of the desired member count.
     * @param change the change
     */
    public void publish(ScalingChange change) {
        keep(this.notices, change);
        each((sink) -> sink.scaling(change), "scaling/" + change.at().toEpochMilli());
    }

    /**
     * Returns the recent alert changes.
     * @return them, newest first, at most the history size
     */
    public List<AlertEvent> history() {
        return copy(this.history);
    }

    /**
     * Returns the recent notices: changes of the desired member count.
     * @return them, newest first, at most the history size
     */
    public List<ScalingChange> notices() {
        return copy(this.notices);
    }

    private <T> void keep(ArrayDeque<T> kept, T item) {
        synchronized (kept) {
            if (kept.size() == this.historySize) {
                kept.removeLast();
            }
            kept.addFirst(item);
        }
    }

    private static <T> List<T> copy(ArrayDeque<T> kept) {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    private void each(Consumer<AlertSink> delivery, String id) {
        for (AlertSink sink : this.sinks) {
            try {
                delivery.accept(sink);
                if (!sink.countsOwnDeliveries()) {
                    deliveries(this.registry, sink.name(), "delivered").increment();
                }
            }
            catch (RuntimeException ex) {
                deliveries(this.registry, sink.name(), "failed").increment();
                logger.warn("event=alert_delivery_failed sink={} id={} error={}", sink.name(), id, ex.toString());
            }
        }
    }

}

package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.AlertEvent;

/**
 * Where alerts go: the SPI of the grid node. Every Spring bean of this type is told of
 * every change of an alert (raised, escalated, de-escalated, cleared) and of every change
 * of the desired member count, on the monitor's thread: a sink that does slow work
 * (network, disk) hands it to a thread of its own. A sink that throws is logged at WARN
 * and counted as a failed delivery; the other sinks are still told.
 */
public interface AlertSink {

    /**
     * Takes a change of an alert.
     * @param event the change, with the alert after it
     */
    void alert(AlertEvent event);

    /**
     * Takes a change of the desired member count; ignored unless overridden.
     * @param change the change
     */
    default void scaling(ScalingChange change) {
    }

    /**
     * Returns the sink's name, the {@code sink} tag of {@code grid.alert.deliveries}:
     * keep it short and fixed.
     * @return by default the class's simple name, or {@code custom} for a lambda or an
     * anonymous class
     */
    default String name() {
        String name = getClass().getSimpleName();
        return (name.isEmpty() || name.contains("$")) ? "custom" : name;
    }

    /**
     * Tells whether the sink counts its deliveries itself (because they happen later, on
     * its own thread); otherwise a return from {@link #alert} counts as delivered and an
     * exception as failed.
     * @return {@code false} unless overridden
     */
    default boolean countsOwnDeliveries() {
        return false;
    }

}

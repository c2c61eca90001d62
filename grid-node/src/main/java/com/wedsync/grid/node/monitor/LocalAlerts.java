package com.wedsync.grid.node.monitor;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.util.Map;

/**
 * The worst active severity of each alert rule on this member, shared with the other
 * members in its summary.
 */
@FunctionalInterface
public interface LocalAlerts {

    /**
     * Returns the member's active alerts.
     * @return the worst severity per rule id
     */
    Map<String, Severity> worst();

}

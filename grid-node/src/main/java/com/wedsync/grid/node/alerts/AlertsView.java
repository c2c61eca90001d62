package com.wedsync.grid.node.alerts;

import com.wedsync.grid.config.alerts.Alert;
import java.util.List;

/**
 * What {@code GET /actuator/alerts} answers.
 *
 * @param member the member answering
 * @param evaluatesClusterRules whether it is the oldest member, which evaluates the cluster-wide rules
 * @param active its active alerts, most severe first
 * @param history its recent alert changes, newest first
 */
public record AlertsView(String member, boolean evaluatesClusterRules, List<Alert> active, List<Change> history) {

    /**
     * One change of an alert.
     * @param transition raised, escalated, deescalated or cleared
     * @param alert the alert after the change
     */
    public record Change(String transition, Alert alert) {
    }
}

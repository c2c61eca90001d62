package com.wedsync.grid.node.alerts;

import com.wedsync.grid.config.alerts.Alert;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /actuator/alerts} answers.
 *
 * @param member the member answering
 * @param evaluatesClusterRules whether it is the oldest member, which evaluates the cluster-wide rules
 * @param active its active alerts, most severe first
 * @param cluster the worst active severity of each rule over all members, from their latest samples
 * @param history its recent alert changes, newest first
 */
public record AlertsView(String member, boolean evaluatesClusterRules, List<Alert> active, Map<String, String> cluster,
        List<Change> history) {

    /**
     * One change of an alert.
     * @param transition raised, escalated, deescalated or cleared
     * @param alert the alert after the change
     */
    public record Change(String transition, Alert alert) {
    }
}

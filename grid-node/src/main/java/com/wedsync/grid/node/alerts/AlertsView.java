package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /actuator/alerts} answers.
 *
 * @param member the member answering
 * @param evaluatesClusterRules whether it is the oldest member, which evaluates the
 * cluster-wide rules
 * @param active its active alerts, most severe first
 * @param cluster the worst active severity of each rule over all members, from their
 * latest samples
 * @param history its recent alert changes, newest first
 */
public record AlertsView(String member, boolean evaluatesClusterRules, List<AlertView> active,
        Map<String, String> cluster, List<Change> history) {

    /**
     * One change of an alert.
     *
     * @param transition raised, escalated, deescalated or cleared
     * @param alert the alert after the change
     */
    public record Change(String transition, AlertView alert) {
    }

    /**
     * One alert, with the same fields and spelling as the webhook's body.
     *
     * @param id unique for the rule, member and start
     * @param rule the rule's id
     * @param severity warning, critical or emergency
     * @param member the member it was sampled on, {@code cluster}, or the member that
     * left
     * @param value the sampled value that raised it or last changed it
     * @param threshold the threshold of its severity
     * @param start when it started
     * @param end when it cleared; {@code null} while active
     */
    public record AlertView(String id, String rule, String severity, String member, double value, double threshold,
            Instant start, Instant end) {

        static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.rule(), alert.severity().id(), alert.member(), alert.value(),
                    alert.threshold(), alert.start(), alert.end());
        }
    }
}

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
 * @param notices its recent notices of the info tier (changes of the desired member
 * count, sent by the oldest member), newest first
 */
public record AlertsView(String member, boolean evaluatesClusterRules, List<AlertView> active,
        Map<String, String> cluster, List<Change> history, List<Notice> notices) {

    /**
     * One notice: worth knowing, nobody need act.
     *
     * @param type what it is about: {@code scaling}
     * @param severity always {@code info}
     * @param at when it happened
     * @param summary one line, such as {@code desired members 2 -> 3 (2 now)}
     * @param reasons the reasons given
     */
    public record Notice(String type, String severity, Instant at, String summary, List<String> reasons) {

        static Notice of(ScalingChange change) {
            return new Notice("scaling", change.severity().id(), change.at(), "desired members " + change.previous()
                    + " -> " + change.desired() + " (" + change.current() + " now)", change.reasons());
        }
    }

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
     * @param severity info, warning, critical or emergency
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

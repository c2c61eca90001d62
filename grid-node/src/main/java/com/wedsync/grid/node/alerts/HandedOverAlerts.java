package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.Severity;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster-wide alerts a coordinating member holds, shared so that the member
 * coordinating after it (when it leaves, or after a merge) takes them over instead of
 * leaving them active for ever at the webhook's receiver. Compact-serialized: only
 * primitives, strings and their arrays, one index per alert.
 *
 * @param member the address of the member that holds them
 * @param ids the alerts' ids
 * @param rules their rules
 * @param severities their severities, as {@link Severity} names
 * @param members their members: {@code cluster}, or the address of a member that left
 * @param values the values that last changed them
 * @param thresholds the thresholds of their severities
 * @param startMillis their starts, epoch milliseconds
 */
public record HandedOverAlerts(String member, String[] ids, String[] rules, String[] severities, String[] members,
        double[] values, double[] thresholds, long[] startMillis) {

    /**
     * The most alerts one entry may carry: one per rule and departed member the evaluator
     * tracks.
     */
    static final int MAX_ALERTS = AlertEvaluator.MAX_DEPARTED + 64;

    /**
     * Writes alerts down.
     * @param member the address of the member that holds them
     * @param alerts the active alerts
     * @return the entry
     */
    static HandedOverAlerts of(String member, List<Alert> alerts) {
        int n = alerts.size();
        HandedOverAlerts entry = new HandedOverAlerts(member, new String[n], new String[n], new String[n],
                new String[n], new double[n], new double[n], new long[n]);
        for (int i = 0; i < n; i++) {
            Alert alert = alerts.get(i);
            entry.ids[i] = alert.id();
            entry.rules[i] = alert.rule();
            entry.severities[i] = alert.severity().name();
            entry.members[i] = alert.member();
            entry.values[i] = alert.value();
            entry.thresholds[i] = alert.threshold();
            entry.startMillis[i] = alert.start().toEpochMilli();
        }
        return entry;
    }

    /**
     * Reads the alerts back. Anyone who reaches a member port can write the map these
     * entries live in, so a malformed entry is refused whole.
     * @return the active alerts
     * @throws IllegalArgumentException naming what is malformed
     */
    List<Alert> alerts() {
        int n = length(this.ids, "ids");
        if (n > MAX_ALERTS) {
            throw new IllegalArgumentException("ids has " + n + " alerts, more than " + MAX_ALERTS);
        }
        if (length(this.rules, "rules") != n || length(this.severities, "severities") != n
                || length(this.members, "members") != n || length(this.values, "values") != n
                || length(this.thresholds, "thresholds") != n || length(this.startMillis, "startMillis") != n) {
            throw new IllegalArgumentException("the alerts' fields differ in length from ids (" + n + ")");
        }
        List<Alert> alerts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            alerts.add(new Alert(this.ids[i], this.rules[i], severity(this.severities[i]), this.members[i],
                    this.values[i], this.thresholds[i], Instant.ofEpochMilli(this.startMillis[i]), null));
        }
        return alerts;
    }

    private static Severity severity(String name) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(name)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity '" + name + "' is none of WARNING, CRITICAL, EMERGENCY");
    }

    private static int length(Object array, String field) {
        if (array == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return Array.getLength(array);
    }
}

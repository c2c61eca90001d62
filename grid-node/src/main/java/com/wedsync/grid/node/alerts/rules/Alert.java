package com.wedsync.grid.node.alerts.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert: a rule breached on a member, from its start to its end.
 *
 * @param id unique for the rule, member and start: {@code rule/member/start-epoch-millis}
 * @param rule the id of the rule
 * @param severity the severity it has now (or had when it cleared)
 * @param member the member it was sampled on, {@code cluster} for figures aggregated
 * across members, or {@code cluster/<class>} for those of one data class
 * @param value the sampled value that raised it or last changed it
 * @param threshold the threshold of its severity
 * @param start when the sample that raised it was taken
 * @param end when the sample that cleared it was taken; {@code null} while it is active
 */
public record Alert(String id, String rule, Severity severity, String member, double value, double threshold,
        Instant start, Instant end) {

    /**
     * Validates the alert.
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException if it ends before it starts
     */
    public Alert {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(rule, "rule is missing");
        Objects.requireNonNull(severity, "severity is missing");
        Objects.requireNonNull(member, "member is missing");
        Objects.requireNonNull(start, "start is missing");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end (" + end + ") must not be before start (" + start + ")");
        }
    }

    /**
     * Returns the data class the alert is about.
     * @return the class id of an alert on {@code cluster/<class>}, or empty
     */
    public Optional<String> dataClass() {
        return this.member.startsWith("cluster/") ? Optional.of(this.member.substring("cluster/".length()))
                : Optional.empty();
    }

    /**
     * Tells whether the alert has not cleared yet.
     * @return {@code true} while active
     */
    public boolean isActive() {
        return this.end == null;
    }
}

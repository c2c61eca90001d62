package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change of the member count the capacity advisor asks for, as the alert sinks receive
 * it: a notice of the {@link Severity#INFO info} tier, for an autoscaler or an operator
 * to follow, not to act on as on an alert.
 *
 * @param at when the advice changed
 * @param previous the count advised before
 * @param desired the count advised now
 * @param current the members in the cluster
 * @param reasons the advisor's reasons, for operators
 */
public record ScalingChange(Instant at, int previous, int desired, int current, List<String> reasons) {

    /**
     * Validates the change.
     * @throws NullPointerException naming a missing field
     */
    public ScalingChange {
        Objects.requireNonNull(at, "at is missing");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons are missing"));
    }

    /**
     * Returns the change's severity, always a notice.
     * @return {@link Severity#INFO}
     */
    public Severity severity() {
        return Severity.INFO;
    }
}

package com.wedsync.grid.node.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change of the member count the capacity advisor asks for, as the alert sinks receive
 * it.
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
}

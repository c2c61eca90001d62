package com.wedsync.grid.node.capacity;

import java.util.List;
import java.util.Objects;

/**
 * How many members the cluster should have, and why.
 *
 * @param desiredMembers the member count to scale to
 * @param reasons short texts for operators, in the order the advisor weighed them
 */
public record ScalingAdvice(int desiredMembers, List<String> reasons) {

    /**
     * Validates the advice.
     * @throws IllegalArgumentException if the count is below 1
     */
    public ScalingAdvice {
        if (desiredMembers < 1) {
            throw new IllegalArgumentException("desiredMembers (" + desiredMembers + ") must be at least 1");
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons are missing"));
    }
}

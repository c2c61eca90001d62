package com.wedsync.grid.node.scaling;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /actuator/scaling} answers: the latest advice and what it was based on.
 *
 * @param desired the member count advised; {@code null} before the first evaluation
 * @param current the members in the cluster now
 * @param reasons the advisor's reasons, in the order it weighed them
 * @param at when the advice was made; {@code null} before the first evaluation
 * @param loadOpsPerSecond the cluster's load the advice used (averaged over the load
 * window)
 * @param memberCapacityOpsPerSecond the capacity of one member it assumed
 * @param minMembers the fewest members it may advise
 * @param maxMembers the most members it may advise
 * @param leadTime how far ahead a peak is covered, for example {@code PT2H}
 */
public record ScalingView(Integer desired, int current, List<String> reasons, Instant at, Double loadOpsPerSecond,
        double memberCapacityOpsPerSecond, int minMembers, int maxMembers, String leadTime) {
}

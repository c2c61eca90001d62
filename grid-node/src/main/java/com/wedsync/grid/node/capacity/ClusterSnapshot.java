package com.wedsync.grid.node.capacity;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * What the cluster looks like at one moment, as the capacity advisor needs it.
 *
 * @param now the moment, in the time zone whose days and hours the traffic calendar
 * counts
 * @param loadOpsPerSecond the operations per second the cluster serves (smoothed over a
 * few minutes)
 * @param memberCapacityOpsPerSecond the operations per second one member serves within
 * its latency target
 * @param memoryUsedShare the memory used on the fullest member: its fullest map's owned
 * and backup memory against that map's budget ({@code 0.7} for 70 %)
 * @param activeAlerts the worst active severity of each alert rule, by rule id
 * @param members the members in the cluster now
 * @param clusterSafe whether every partition has its backups in place (no migration under
 * way)
 */
public record ClusterSnapshot(ZonedDateTime now, double loadOpsPerSecond, double memberCapacityOpsPerSecond,
        double memoryUsedShare, Map<String, Severity> activeAlerts, int members, boolean clusterSafe) {

    /**
     * Validates the snapshot.
     * @throws IllegalArgumentException naming the field and the value when one is missing
     * or out of range
     */
    public ClusterSnapshot {
        Objects.requireNonNull(now, "now is missing");
        if (!(loadOpsPerSecond >= 0 && Double.isFinite(loadOpsPerSecond))) {
            throw new IllegalArgumentException(
                    "loadOpsPerSecond (" + loadOpsPerSecond + ") must be a number of at least 0");
        }
        if (!(memberCapacityOpsPerSecond > 0 && Double.isFinite(memberCapacityOpsPerSecond))) {
            throw new IllegalArgumentException(
                    "memberCapacityOpsPerSecond (" + memberCapacityOpsPerSecond + ") must be a positive number");
        }
        if (!(memoryUsedShare >= 0 && Double.isFinite(memoryUsedShare))) {
            throw new IllegalArgumentException(
                    "memoryUsedShare (" + memoryUsedShare + ") must be a number of at least 0");
        }
        activeAlerts = Map.copyOf(Objects.requireNonNull(activeAlerts, "activeAlerts are missing"));
        if (members < 1) {
            throw new IllegalArgumentException("members (" + members + ") must be at least 1");
        }
    }
}

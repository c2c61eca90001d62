package com.wedsync.grid.node.alerts;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How the evaluator turns samples into rule values.
 *
 * @param zone the time zone whose days the traffic calendar counts (Saturdays)
 * @param saturdayBaseline the cluster's expected ops/s on a Saturday, against which
 * Saturday traffic is judged
 * @param minOperations the fewest client reads in a sample interval for a latency
 * percentile or a hit rate to be judged: over fewer, one slow call or one cold miss would
 * swing the figure
 */
public record EvaluatorSettings(ZoneId zone, SaturdayBaseline saturdayBaseline, long minOperations) {

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the field and the value when one is out of
     * range
     */
    public EvaluatorSettings {
        Objects.requireNonNull(zone, "zone is missing");
        Objects.requireNonNull(saturdayBaseline, "saturdayBaseline is missing");
        if (minOperations < 0) {
            throw new IllegalArgumentException("minOperations (" + minOperations + ") must not be negative");
        }
    }
}

package com.wedsync.grid.node.alerts.rules;

/**
 * Which side of its thresholds a metric breaches a rule on.
 */
public enum Comparison {

    /** Breached when the value is above the threshold (latency, memory). */
    ABOVE,
    /** Breached when the value is below the threshold (hit rate, retention). */
    BELOW;

    /**
     * Tells whether a value breaches a threshold.
     * @param value the sampled value
     * @param threshold the threshold
     * @return {@code true} if the value is strictly beyond the threshold
     */
    public boolean breaches(double value, double threshold) {
        return (this == ABOVE) ? value > threshold : value < threshold;
    }

}

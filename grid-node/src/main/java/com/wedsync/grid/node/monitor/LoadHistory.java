package com.wedsync.grid.node.monitor;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The cluster's load of past hours.
 */
@FunctionalInterface
public interface LoadHistory {

    /**
     * Returns the cluster's mean operations per second over one hour.
     * @param hourStart an instant within the hour (it is truncated to the hour)
     * @return the mean, or empty when that hour was not recorded (or is still open)
     */
    OptionalDouble meanOpsPerSecond(Instant hourStart);

}

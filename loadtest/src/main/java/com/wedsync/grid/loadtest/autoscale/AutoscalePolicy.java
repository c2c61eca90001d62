package com.wedsync.grid.loadtest.autoscale;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;

/**
 * How the load test's autoscaler follows the capacity advisor: within which bounds, and
 * how long a member takes to be provisioned.
 *
 * @param minMembers the fewest members it keeps, at least 1
 * @param maxMembers the most members it starts, between {@code minMembers} and
 * {@value #MAX_MEMBERS}
 * @param provisioningDelay how long after the advice first differs from the members a
 * member is started or stopped (the time a cloud takes to provision a machine), 0 to 1 h
 */
public record AutoscalePolicy(int minMembers, int maxMembers, Duration provisioningDelay) {

    /** The most members the autoscaler runs on one machine. */
    public static final int MAX_MEMBERS = 9;

    /**
     * Validates the policy.
     * @throws IllegalArgumentException naming the option and the value of the first bad
     * one
     */
    public AutoscalePolicy {
        if (minMembers < 1 || minMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "--min-members (" + minMembers + ") must be between 1 and " + MAX_MEMBERS);
        }
        if (maxMembers < minMembers || maxMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException("--max-members (" + maxMembers + ") must be between --min-members ("
                    + minMembers + ") and " + MAX_MEMBERS);
        }
        if (provisioningDelay == null || provisioningDelay.isNegative()
                || provisioningDelay.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--provisioning-delay ("
                    + ((provisioningDelay != null) ? Durations.format(provisioningDelay) : "none")
                    + ") must be between 0s and 1h");
        }
    }

    /**
     * Returns the member count the autoscaler aims for.
     * @param desired the advisor's desired members
     * @return {@code desired} within the bounds
     */
    public int target(int desired) {
        return Math.max(this.minMembers, Math.min(this.maxMembers, desired));
    }

}

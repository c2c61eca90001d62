package com.wedsync.grid.node.scaling;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.node.capacity.ScalingPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The capacity advisor's settings ({@code grid.scaling.*}; as environment variables for
 * example {@code GRID_SCALING_MAXMEMBERS}).
 *
 * @param memberCapacityOpsPerSecond the gets and puts per second one member serves within
 * its latency target
 * @param minMembers the fewest members ever advised
 * @param maxMembers the most members ever advised
 * @param leadTime how long before a peak it must be covered: the time to start members
 * and migrate partitions
 * @param headroom spare capacity kept above the expected load, as a share
 * @param scaleInMemoryCeiling the highest memory share (fullest map against its budget)
 * the remaining members may reach after a scale-in
 * @param loadWindow the period the measured load is averaged over
 * @param scaleInBand the spare capacity, above the headroom, the members left after a
 * scale-in must keep
 * @param scaleInStabilization how long lower counts must be advised before a scale-in is
 * passed on
 * @param opsPerWedding the operations per second one declared wedding brings on its day
 * (500 unless set: the loadtest's Saturday per wedding; recalibrate from production as
 * docs/operations.md says)
 */
@ConfigurationProperties("grid.scaling")
public record ScalingProperties(@DefaultValue("10000") double memberCapacityOpsPerSecond,
        @DefaultValue("1") int minMembers, @DefaultValue("10") int maxMembers, @DefaultValue("2h") Duration leadTime,
        @DefaultValue("0.25") double headroom, @DefaultValue("0.70") double scaleInMemoryCeiling,
        @DefaultValue("5m") Duration loadWindow, @DefaultValue("0.2") double scaleInBand,
        @DefaultValue("5m") Duration scaleInStabilization, @DefaultValue("500") double opsPerWedding) {

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the property and the value when one is out
     * of range
     */
    public ScalingProperties {
        if (!(memberCapacityOpsPerSecond > 0 && Double.isFinite(memberCapacityOpsPerSecond))) {
            throw new IllegalArgumentException("grid.scaling.member-capacity-ops-per-second ("
                    + memberCapacityOpsPerSecond + ") must be a positive number");
        }
        if (loadWindow.isNegative() || loadWindow.isZero() || loadWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "grid.scaling.load-window (" + loadWindow + ") must be above 0 and at" + " most 1h");
        }
        if (scaleInStabilization.isNegative() || scaleInStabilization.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("grid.scaling.scale-in-stabilization ("
                    + Durations.format(scaleInStabilization) + ") must be between 0s and 1h");
        }
        try {
            // The fields are not assigned yet in a compact constructor: validate the
            // parameters.
            new ScalingPolicy(minMembers, maxMembers, leadTime, headroom, scaleInMemoryCeiling, scaleInBand,
                    opsPerWedding);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("grid.scaling: " + ex.getMessage(), ex);
        }
    }

    /**
     * Returns the bounds, lead time and headroom as the advisor's policy.
     * @return the policy
     */
    public ScalingPolicy policy() {
        return new ScalingPolicy(this.minMembers, this.maxMembers, this.leadTime, this.headroom,
                this.scaleInMemoryCeiling, this.scaleInBand, this.opsPerWedding);
    }
}

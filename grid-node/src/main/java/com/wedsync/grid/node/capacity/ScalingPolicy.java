package com.wedsync.grid.node.capacity;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The fixed part of capacity advice: the bounds of the cluster and how far ahead and how
 * generously it is sized.
 *
 * @param minMembers the fewest members ever advised
 * @param maxMembers the most members ever advised
 * @param leadTime how long before a peak it must be covered: the time to start members
 * and migrate partitions
 * @param headroom the spare capacity kept above the expected load, as a share
 * ({@code 0.25}: members run at no more than 80 % of their capacity)
 * @param scaleInMemoryCeiling the highest memory share (fullest map against its budget)
 * the remaining members may reach after a scale-in
 * @param scaleInBand the spare capacity, above the headroom, the remaining members must
 * keep for a scale-in ({@code 0.2}: scale in only when the load with 45 % to spare fits
 * one member fewer), so that a load about one threshold does not add and remove a member
 * by turns
 * @param opsPerWedding the operations per second one wedding of a day brings: a day with
 * {@code n} weddings is sized for at least {@code n x opsPerWedding}
 */
public record ScalingPolicy(int minMembers, int maxMembers, Duration leadTime, double headroom,
        double scaleInMemoryCeiling, double scaleInBand, double opsPerWedding) {

    /** The lead time unless told otherwise. */
    public static final Duration DEFAULT_LEAD_TIME = Duration.ofHours(2);

    /** The headroom unless told otherwise. */
    public static final double DEFAULT_HEADROOM = 0.25;

    /**
     * The memory ceiling of a scale-in unless told otherwise: the memory alert's warning
     * threshold.
     */
    public static final double DEFAULT_SCALE_IN_MEMORY_CEILING = 0.70;

    /** The scale-in band unless told otherwise. */
    public static final double DEFAULT_SCALE_IN_BAND = 0.20;

    /**
     * The operations per second of one wedding unless told otherwise: the loadtest's
     * Saturday (50,000 ops/s over the 100 weddings of its wedding workload; see
     * docs/operations.md, "Weddings and the expected load").
     */
    public static final double DEFAULT_OPS_PER_WEDDING = 500;

    /** The most operations per second one wedding may be given: a bound against typos. */
    public static final double MAX_OPS_PER_WEDDING = 1_000_000;

    /** The most members advised: a bound against typos. */
    public static final int MAX_MEMBERS = 1000;

    private static final Duration SHORTEST_LEAD = Duration.ofMinutes(1);

    private static final Duration LONGEST_LEAD = Duration.ofDays(7);

    /**
     * Validates the policy.
     * @throws IllegalArgumentException naming the field and the value when one is out of
     * range
     */
    public ScalingPolicy {
        if (minMembers < 1) {
            throw new IllegalArgumentException("minMembers (" + minMembers + ") must be at least 1");
        }
        if (maxMembers < minMembers || maxMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException("maxMembers (" + maxMembers + ") must be between minMembers ("
                    + minMembers + ") and " + MAX_MEMBERS);
        }
        Objects.requireNonNull(leadTime, "leadTime is missing");
        if (leadTime.compareTo(SHORTEST_LEAD) < 0 || leadTime.compareTo(LONGEST_LEAD) > 0) {
            throw new IllegalArgumentException(
                    "leadTime (" + Durations.format(leadTime) + ") must be between 1m and 7d");
        }
        if (!(headroom >= 0 && headroom <= 1)) {
            throw new IllegalArgumentException("headroom (" + headroom + ") must be between 0 and 1");
        }
        if (!(scaleInMemoryCeiling > 0 && scaleInMemoryCeiling <= 1)) {
            throw new IllegalArgumentException(
                    "scaleInMemoryCeiling (" + scaleInMemoryCeiling + ") must be above 0 and at most 1");
        }
        if (!(scaleInBand >= 0 && scaleInBand <= 1)) {
            throw new IllegalArgumentException("scaleInBand (" + scaleInBand + ") must be between 0 and 1");
        }
        if (!(opsPerWedding >= 0 && opsPerWedding <= MAX_OPS_PER_WEDDING)) {
            throw new IllegalArgumentException(
                    "opsPerWedding (" + opsPerWedding + ") must be between 0 and " + (long) MAX_OPS_PER_WEDDING);
        }
    }

    /**
     * Returns a policy with the default lead time (2 h), headroom (25 %), scale-in memory
     * ceiling (70 %), scale-in band (20 %) and operations per wedding (500 ops/s).
     * @param minMembers the fewest members
     * @param maxMembers the most members
     * @return the policy
     * @throws IllegalArgumentException naming the field and the value when a bound is out
     * of range
     */
    public static ScalingPolicy of(int minMembers, int maxMembers) {
        return new ScalingPolicy(minMembers, maxMembers, DEFAULT_LEAD_TIME, DEFAULT_HEADROOM,
                DEFAULT_SCALE_IN_MEMORY_CEILING, DEFAULT_SCALE_IN_BAND, DEFAULT_OPS_PER_WEDDING);
    }
}

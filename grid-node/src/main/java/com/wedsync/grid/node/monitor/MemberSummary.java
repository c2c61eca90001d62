package com.wedsync.grid.node.monitor;

/**
 * The part of a member's sample the other members need for cluster-wide figures, shared
 * through a replicated map (Compact-serialized: only primitives, strings and their
 * arrays).
 *
 * @param member the member's address
 * @param atMillis when the sample was taken, epoch milliseconds
 * @param opsPerSecond gets and puts per second over all maps
 * @param memoryUsedShare the fullest map's owned and backup memory against its own budget
 * ({@link MemberSample#memoryUsedShare()})
 * @param maps the map names, in catalog order
 * @param gets gets in the interval, per map
 * @param hits hits in the interval, per map
 * @param worstAlerts the member's active alerts as {@code rule=severity}, the worst per
 * rule
 */
public record MemberSummary(String member, long atMillis, double opsPerSecond, double memoryUsedShare, String[] maps,
        long[] gets, long[] hits, String[] worstAlerts) {
}

package com.wedsync.grid.loadtest.autoscale;

import java.time.Instant;

/**
 * Something the autoscaler saw or did.
 *
 * @param at when
 * @param kind {@code desired} (the advice changed), {@code start-requested},
 * {@code stop-requested}, {@code dropped}, {@code joined} (a started member is ready),
 * {@code left} (a stopped member exited) or {@code failed}
 * @param members the members running after it
 * @param desired the advice then, {@code -1} while unknown
 * @param detail a member's name or what failed, empty otherwise
 */
public record ScalingEvent(Instant at, String kind, int members, int desired, String detail) {
}

package com.wedsync.grid.loadtest.usage;

/**
 * A JVM's stop-the-world collector pauses over one measured phase; concurrent cycles
 * (ZGC's, G1's concurrent marking) are not pauses and are left out.
 *
 * @param count the pauses
 * @param totalMillis their summed length
 * @param maxMillis the longest; see {@code maxExact}
 * @param maxExact whether {@code maxMillis} is the longest pause itself ({@code true}:
 * the JVM's own notification) or the smallest histogram bound it is known to be at most
 * ({@code false}: a member's exported buckets; infinite when a pause exceeded the largest
 * bucket)
 * @param over10Millis the pauses longer than 10 ms, or -1 where the member exports no 10
 * ms bucket
 */
public record GcFigures(long count, double totalMillis, double maxMillis, boolean maxExact, long over10Millis) {
}

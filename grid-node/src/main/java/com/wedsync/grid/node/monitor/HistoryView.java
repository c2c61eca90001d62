package com.wedsync.grid.node.monitor;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /actuator/history} answers.
 *
 * @param window the window asked for
 * @param from the start of the window
 * @param to the end of the window (now)
 * @param samples how many samples the window holds
 * @param step every how many samples one point is shown (1: all of them), counted back
 * from the newest
 * @param points the shown samples, oldest first
 */
public record HistoryView(String window, Instant from, Instant to, int samples, int step, List<Point> points) {

    /**
     * One sample of the member.
     *
     * @param at when it was taken
     * @param opsPerSecond gets and puts per second over all maps
     * @param latencyMs the mean latency of those operations, weighted by their count;
     * {@code null} without operations
     * @param memoryUsedPercent the fullest map's owned and backup memory against its
     * budget
     * @param heapUsedPercent the heap used against the maximum heap
     * @param operationQueueSize operations waiting in the member's queues; -1 when
     * unknown
     */
    public record Point(Instant at, double opsPerSecond, Double latencyMs, double memoryUsedPercent,
            double heapUsedPercent, int operationQueueSize) {

        static Point of(MemberSample sample) {
            double latency = sample.latencyMs();
            return new Point(sample.at(), sample.opsPerSecond(), Double.isNaN(latency) ? null : latency,
                    100 * sample.memoryUsedShare(), 100 * sample.heapUsedRatio(), sample.operationQueueSize());
        }
    }
}

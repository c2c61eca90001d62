package com.wedsync.grid.loadtest.generator;

import java.time.Duration;

/**
 * What a run did in its last second, for a live progress line.
 *
 * @param elapsed the time since the run started, warm-up included
 * @param warmup whether the run is still warming up (and these numbers will be discarded)
 * @param ops the operations completed in the last interval
 * @param opsPerSecond the same, per second of the interval
 * @param p99Micros the 99th percentile latency of the last interval over all operations,
 * in microseconds
 * @param errors the errors of the current phase so far
 */
public record Progress(Duration elapsed, boolean warmup, long ops, double opsPerSecond, double p99Micros, long errors) {
}

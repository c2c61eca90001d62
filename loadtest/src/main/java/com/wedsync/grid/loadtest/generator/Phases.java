package com.wedsync.grid.loadtest.generator;

/**
 * The times of one run, as {@code nanoTime} values, and the recorders of its two phases.
 *
 * @param origin when the first operation is intended
 * @param measureStart when the warm-up ends and measuring starts
 * @param end when no more operations are issued
 * @param deadline when threads still in flight are abandoned
 * @param warmup the recorders of the warm-up, discarded
 * @param measured the recorders of the measured phase
 */
record Phases(long origin, long measureStart, long end, long deadline, LatencyRecorders warmup,
        LatencyRecorders measured) {

    /**
     * Lays out a run's phases.
     * @param settings the settings
     * @param origin when the first operation is intended
     * @return the phases, with fresh recorders
     */
    static Phases of(RunSettings settings, long origin) {
        long measureStart = origin + settings.warmup().toNanos();
        long end = measureStart + settings.duration().toNanos();
        return new Phases(origin, measureStart, end, end + settings.grace().toNanos(), new LatencyRecorders(),
                new LatencyRecorders());
    }

    /**
     * Returns the recorders of the phase an operation belongs to, by the time it started
     * (or was intended to).
     * @param start the operation's start
     * @return the warm-up or the measured recorders
     */
    LatencyRecorders recordersFor(long start) {
        return (start - this.measureStart < 0) ? this.warmup : this.measured;
    }
}

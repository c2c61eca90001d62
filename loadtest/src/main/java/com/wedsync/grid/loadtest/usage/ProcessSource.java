package com.wedsync.grid.loadtest.usage;

import java.util.OptionalDouble;

/**
 * One process whose CPU time (and, for a JVM, collector pauses) a run records: the
 * generator, a member, the Redis server. {@link #begin()} at the start of the measured
 * phase, {@link #end()} at its end, on one thread.
 */
public interface ProcessSource {

    /**
     * Returns the process's name in reports, for example {@code generator},
     * {@code member-1} or {@code redis-server}.
     * @return the name
     */
    String name();

    /**
     * Returns what runs the process: the JVM with its flags, or the server's version.
     * @return one line
     */
    String runtime();

    /** Takes the first reading. */
    void begin();

    /**
     * Takes the second reading.
     * @return the CPU seconds since {@link #begin()}, empty if they cannot be read
     */
    OptionalDouble endCpuSeconds();

    /**
     * Returns the collector pauses since {@link #begin()}; call after
     * {@link #endCpuSeconds()}.
     * @return the pauses, or {@code null} for a process without a collector
     */
    GcFigures gc();

}

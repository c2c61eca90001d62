package com.wedsync.grid.loadtest.usage;

/**
 * What one process used over a measured phase.
 *
 * @param name the process's name, for example {@code generator}, {@code member-1} or
 * {@code redis-server}
 * @param runtime what runs it: the JVM with its flags, or the server's version
 * @param cpuSeconds CPU time (user + system), or -1 if it could not be read
 * @param cpuSecondsPer1000Ops {@code cpuSeconds} per 1,000 operations of the phase, or -1
 * @param gc the collector's pauses, or {@code null} for a process without one
 */
public record ProcessUsage(String name, String runtime, double cpuSeconds, double cpuSecondsPer1000Ops, GcFigures gc) {
}

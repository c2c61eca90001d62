package com.wedsync.grid.loadtest.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What Linux's {@code /proc} says of a process's CPU time and of the machine's stolen
 * time. Elsewhere every figure is empty, and reports say "not measured" rather than 0.
 */
final class ProcFs {

    /**
     * Clock ticks per second of {@code /proc}'s figures: 100 on every Linux this runs on
     * (USER_HZ).
     */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {
    }

    /**
     * Returns the CPU time (user + system, all threads) a process has used.
     * @param pid the process
     * @return seconds, empty if the process or {@code /proc} is not there
     */
    static OptionalDouble cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses: count fields
            // after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the
            // name.
            return OptionalDouble.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
        }
        catch (IOException | RuntimeException ex) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Returns the machine's CPU ticks so far: all of them and those stolen by the
     * hypervisor.
     * @return {total, steal}, empty if {@code /proc/stat} is not there
     */
    static OptionalLong[] cpuTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already
            // counted in user.
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long steal = (fields.length > 8) ? Long.parseLong(fields[8]) : 0;
            return new OptionalLong[] { OptionalLong.of(total), OptionalLong.of(steal) };
        }
        catch (IOException | RuntimeException ex) {
            return new OptionalLong[] { OptionalLong.empty(), OptionalLong.empty() };
        }
    }

    /**
     * Converts clock ticks to seconds.
     * @param ticks ticks
     * @return seconds
     */
    static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

}

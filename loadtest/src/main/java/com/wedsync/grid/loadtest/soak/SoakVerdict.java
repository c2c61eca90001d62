package com.wedsync.grid.loadtest.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a soak passed: no operation failed or was abandoned, every process could be read at every sample, and
 * no judged series of any process grew more than the allowance after the warm-up (see {@link Growth}).
 *
 * @param maxGrowth the growth allowed, for example 0.10
 * @param errors the operations that failed, warm-up included
 * @param abandoned the operations still in flight when the load's grace ran out
 * @param unreadable the readings that failed, one line each
 * @param growths each judged series of each process
 */
public record SoakVerdict(double maxGrowth, long errors, long abandoned, List<String> unreadable,
        List<Growth> growths) {

    /**
     * Copies the lists.
     */
    public SoakVerdict {
        unreadable = List.copyOf(unreadable);
        growths = List.copyOf(growths);
    }

    /**
     * Judges a soak's samples.
     * @param processes what was recorded of each process
     * @param warmupSeconds when the warm-up ended, from the start of the load
     * @param maxGrowth the growth allowed
     * @param errors the operations that failed
     * @param abandoned the operations abandoned at the end
     * @param unreadable the readings that failed
     * @return the verdict
     * @throws IllegalArgumentException if a process has no sample after the warm-up
     */
    public static SoakVerdict judge(List<ProcessSamples> processes, double warmupSeconds, double maxGrowth,
            long errors, long abandoned, List<String> unreadable) {
        List<Growth> growths = new ArrayList<>();
        for (ProcessSamples process : processes) {
            for (Series series : process.judged()) {
                growths.add(Growth.judge(process.name(), series, process.samples(), warmupSeconds, maxGrowth));
            }
        }
        return new SoakVerdict(maxGrowth, errors, abandoned, unreadable, growths);
    }

    /**
     * Tells whether the soak passed.
     * @return {@code true} with no errors, nothing abandoned or unreadable, and every series within the allowance
     */
    public boolean pass() {
        return this.errors == 0 && this.abandoned == 0 && this.unreadable.isEmpty()
                && this.growths.stream().allMatch(Growth::pass);
    }
}

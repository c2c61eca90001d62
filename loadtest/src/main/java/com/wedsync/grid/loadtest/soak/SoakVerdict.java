package com.wedsync.grid.loadtest.soak;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a soak passed: no operation failed or was abandoned, every process could be
 * read at every sample, no member saw another removed from the cluster (a soak has no
 * fault: a removal is a member judged dead after missing heartbeats), and no judged
 * series of any process grew more than the allowance after the warm-up (see
 * {@link Growth}).
 *
 * @param maxGrowth the growth allowed, for example 0.10
 * @param errors the operations that failed, warm-up included
 * @param abandoned the operations still in flight when the load's grace ran out
 * @param unreadable the readings that failed, one line each
 * @param removals each member that saw members removed during the soak, and how many, one
 * line each
 * @param growths each judged series of each process
 */
public record SoakVerdict(double maxGrowth, long errors, long abandoned, List<String> unreadable, List<String> removals,
        List<Growth> growths) {

    /**
     * Copies the lists.
     */
    public SoakVerdict {
        unreadable = List.copyOf(unreadable);
        removals = List.copyOf(removals);
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
    public static SoakVerdict judge(List<ProcessSamples> processes, double warmupSeconds, double maxGrowth, long errors,
            long abandoned, List<String> unreadable) {
        List<Growth> growths = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (ProcessSamples process : processes) {
            removed(process).ifPresent(removals::add);
            for (Series series : process.judged()) {
                growths.add(Growth.judge(process.name(), series, process.samples(), warmupSeconds, maxGrowth));
            }
        }
        return new SoakVerdict(maxGrowth, errors, abandoned, unreadable, removals, growths);
    }

    private static Optional<String> removed(ProcessSamples process) {
        DoubleSummaryStatistics removed = process.samples()
            .stream()
            .map((sample) -> sample.value(Series.MEMBERS_REMOVED))
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .summaryStatistics();
        if (removed.getCount() == 0 || removed.getMax() == removed.getMin()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s saw %.0f member(s) removed", process.name(),
                removed.getMax() - removed.getMin()));
    }

    /**
     * Tells whether the soak passed.
     * @return {@code true} with no errors, nothing abandoned or unreadable, no member
     * removed, and every series within the allowance
     */
    public boolean pass() {
        return this.errors == 0 && this.abandoned == 0 && this.unreadable.isEmpty() && this.removals.isEmpty()
                && this.growths.stream().allMatch(Growth::pass);
    }
}

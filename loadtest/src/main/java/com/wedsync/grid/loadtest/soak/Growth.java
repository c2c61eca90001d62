package com.wedsync.grid.loadtest.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much one series of one process grew after the warm-up, and whether that is within
 * the allowance.
 * <p>
 * Of the samples taken at or after the end of the warm-up, in time order, the first
 * quarter (at least one sample) is the baseline window and the last quarter the final
 * window. {@code baseline} is the median of the baseline window: a steady state, not one
 * lucky sample. {@code last} is the maximum of the final window: a leak or a thread pool
 * that keeps growing shows at its highest, and one high sample is enough to fail.
 * {@code growth} is {@code last / baseline - 1}, so 0.10 is 10 % more than the baseline;
 * shrinking is never a failure. Samples where the series was not known are left out of
 * their window; a window left empty cannot be judged, and that fails.
 *
 * @param process the process's name
 * @param series the series
 * @param baseline the median of the baseline window, or {@code null} if it had no figure
 * @param last the maximum of the final window, or {@code null} if it had no figure
 * @param growth {@code last / baseline - 1}; 0 when both are 0; {@code null} when it
 * cannot be computed (a window without figures, or growth from 0)
 * @param pass whether the growth was computed and is at most the allowance
 * @param note why it failed when the figures say nothing, else empty
 */
public record Growth(String process, Series series, Double baseline, Double last, Double growth, boolean pass,
        String note) {

    /**
     * Judges one series.
     * @param process the process's name
     * @param series the series
     * @param samples the process's samples, in time order
     * @param warmupSeconds when the warm-up ended, from the start of the load
     * @param maxGrowth the growth allowed, for example 0.10
     * @return the judgement
     * @throws IllegalArgumentException if no sample was taken after the warm-up
     */
    public static Growth judge(String process, Series series, List<Sample> samples, double warmupSeconds,
            double maxGrowth) {
        List<Sample> after = samples.stream().filter((sample) -> sample.seconds() >= warmupSeconds).toList();
        if (after.isEmpty()) {
            throw new IllegalArgumentException(
                    "no sample of " + process + " after the warm-up (" + warmupSeconds + " s)");
        }
        int window = Math.max(1, (after.size() + 3) / 4);
        Double baseline = median(values(after.subList(0, window), series));
        Double last = values(after.subList(after.size() - window, after.size()), series).stream()
            .max(Double::compare)
            .orElse(null);
        if (baseline == null || last == null) {
            String empty = (baseline == null) ? "the first" : "the last";
            return new Growth(process, series, baseline, last, null, false,
                    "not measured in " + empty + " quarter after the warm-up");
        }
        if (baseline == 0) {
            boolean flat = last == 0;
            return new Growth(process, series, baseline, last, flat ? 0.0 : null, flat, flat ? "" : "grew from 0");
        }
        double growth = last / baseline - 1;
        // Within a rounding error of the allowance is within it: 110 / 100 - 1 is
        // 0.10000000000000009.
        return new Growth(process, series, baseline, last, growth, growth <= maxGrowth + 1e-9, "");
    }

    /**
     * Returns the verdict's word.
     * @return {@code PASS} or {@code FAIL}
     */
    public String word() {
        return this.pass ? "PASS" : "FAIL";
    }

    private static List<Double> values(List<Sample> samples, Series series) {
        List<Double> values = new ArrayList<>();
        samples.stream().map((sample) -> sample.value(series)).filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

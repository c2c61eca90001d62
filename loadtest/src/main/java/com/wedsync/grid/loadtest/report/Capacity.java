package com.wedsync.grid.loadtest.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The highest open-loop rate each target holds, from repeated comparisons at several
 * rates: a target holds a rate when the median of its runs' p99 is within the limit and
 * the median achieved rate is at least {@link #KEPT_SHARE} of the rate asked for.
 *
 * @param p99LimitMicros the p99 a target must stay within
 * @param targets per target, the rates measured with their median p99, and the highest
 * held (0 if none)
 */
public record Capacity(double p99LimitMicros, Map<String, TargetCapacity> targets) {

    /** The share of the asked rate a target must achieve to hold it. */
    public static final double KEPT_SHARE = 0.95;

    /**
     * One target's capacity.
     *
     * @param highestRateHeld the highest rate it held, 0 if it held none of those
     * measured
     * @param medianP99MicrosByRate its median p99 at each rate measured
     */
    public record TargetCapacity(double highestRateHeld, Map<Double, Double> medianP99MicrosByRate) {
    }

    /**
     * Finds each target's highest held rate.
     * @param comparisons comparisons of the same targets at different rates
     * @param p99LimitMicros the p99 limit
     * @return the capacity, targets in the order they first appear
     */
    public static Capacity of(List<RepeatedComparison> comparisons, double p99LimitMicros) {
        Map<String, Map<Double, Double>> p99s = new LinkedHashMap<>();
        Map<String, Double> held = new LinkedHashMap<>();
        for (RepeatedComparison comparison : comparisons) {
            double rate = comparison.requestedRate();
            for (RepeatedComparison.Row row : comparison.rows()) {
                RepeatedComparison.Summary p99 = row.figures().get("p99Micros");
                RepeatedComparison.Summary achieved = row.figures().get("achievedRate");
                if (p99 == null || achieved == null) {
                    continue;
                }
                p99s.computeIfAbsent(row.target(), (t) -> new TreeMap<>()).put(rate, p99.median());
                held.putIfAbsent(row.target(), 0.0);
                if (p99.median() <= p99LimitMicros && achieved.median() >= KEPT_SHARE * rate) {
                    held.merge(row.target(), rate, Math::max);
                }
            }
        }
        Map<String, TargetCapacity> targets = new LinkedHashMap<>();
        p99s.forEach((target, byRate) -> targets.put(target, new TargetCapacity(held.get(target), byRate)));
        return new Capacity(p99LimitMicros, targets);
    }

    /**
     * Renders the capacity as a Markdown table: each rate's median p99, the highest held
     * rate, and its ratio to a named target's.
     * @param peer the target the ratios are to, for example {@code redis}
     * @return the Markdown
     */
    public String markdown(String peer) {
        TreeMap<Double, Boolean> rates = new TreeMap<>();
        this.targets.values().forEach((t) -> t.medianP99MicrosByRate().keySet().forEach((r) -> rates.put(r, true)));
        StringBuilder md = new StringBuilder("| target |");
        rates.keySet().forEach((rate) -> md.append(String.format(" p99 at %,.0f ops/s |", rate)));
        md.append(String.format(" highest rate with p99 <= %,.0f us | x %s |%n", this.p99LimitMicros, peer));
        md.append("| --- |").append(" --- |".repeat(rates.size() + 2)).append('\n');
        TargetCapacity base = this.targets.get(peer);
        this.targets.forEach((target, capacity) -> {
            md.append("| ").append(target).append(" |");
            rates.keySet().forEach((rate) -> {
                Double p99 = capacity.medianP99MicrosByRate().get(rate);
                md.append((p99 == null) ? " - |" : String.format(" %,.0f us |", p99));
            });
            md.append(String.format(" %,.0f |", capacity.highestRateHeld()));
            md.append((base == null || base.highestRateHeld() == 0) ? " - |"
                    : String.format(" %.2f |", capacity.highestRateHeld() / base.highestRateHeld()));
            md.append('\n');
        });
        return md.toString();
    }
}

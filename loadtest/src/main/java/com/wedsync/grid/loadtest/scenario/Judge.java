package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.generator.OpLayer;
import com.wedsync.grid.loadtest.generator.RateProfile;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Judges a run against its scenario: no errors, the requested rate achieved (open loop)
 * or every requested operation done, the spec's latency limits, and what the scenario's
 * disruption or pressure must leave intact.
 */
public final class Judge {

    private static final int PROFILE_STEPS = 1_000;

    private Judge() {
    }

    /**
     * Judges a run.
     * @param scenario the scenario
     * @param result the run
     * @param findings what was found beside the latencies
     * @return the criteria with their verdicts, in a fixed order
     */
    public static List<Criterion> judge(Scenario scenario, RunResult result, Findings findings) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new Criterion("errors == 0", result.totalErrors(), result.totalErrors() == 0));
        RunSettings settings = result.settings();
        if (settings.maxOps() > 0) {
            long done = result.totalOps() + result.totalErrors();
            criteria
                .add(new Criterion("all " + settings.maxOps() + " operations done", done, done >= settings.maxOps()));
        }
        else if (!result.closedLoop()) {
            double requested = settings.rate() * meanMultiplier(settings.profile(), settings.duration().toNanos());
            double share = result.achievedRate() / requested;
            criteria.add(new Criterion("achieved rate >= 95 % of " + Math.round(requested) + " ops/s (mean)",
                    Math.round(share * 1000) / 10.0, share >= 0.95));
        }
        Scenario.Limits limits = scenario.limits();
        Histogram all = new Histogram(3);
        result.histograms().values().forEach(all::add);
        Map<String, Object> percentiles = RunReport.percentiles(all);
        boolean measured = all.getTotalCount() > 0;
        limit(criteria, "p95", (double) percentiles.get("p95"), limits.p95Micros(), measured);
        limit(criteria, "p99", (double) percentiles.get("p99"), limits.p99Micros(), measured);
        layerLimit(criteria, result, Layer.L1, limits.l1P99Micros());
        layerLimit(criteria, result, Layer.L2, limits.l2P99Micros());
        if (limits.weddingRetention() > 0) {
            retention(criteria, findings.retention(), limits.weddingRetention());
        }
        if (findings.writes() != null) {
            criteria.add(new Criterion("acknowledged wedding writes lost == 0", findings.writes().lost(),
                    findings.writes().lost() == 0));
        }
        if (scenario.disruption().kind() != Disruption.Kind.NONE) {
            Object seconds = findings.disruption().get("secondsUntilSafe");
            criteria.add(new Criterion("cluster safe again within " + DisruptionRun.SAFE_TIMEOUT.toSeconds() + " s",
                    (seconds instanceof Double value) ? value : -1, seconds != null));
        }
        return criteria;
    }

    /**
     * Returns the mean of a profile's multiplier over a measured phase.
     * @param profile the profile
     * @param durationNanos the measured phase's length
     * @return the mean, 1 for a constant profile
     */
    static double meanMultiplier(RateProfile profile, long durationNanos) {
        if (profile.constant()) {
            return 1;
        }
        double sum = 0;
        for (int i = 0; i < PROFILE_STEPS; i++) {
            sum += profile.multiplier((long) ((i + 0.5) * durationNanos / PROFILE_STEPS));
        }
        return sum / PROFILE_STEPS;
    }

    private static void limit(List<Criterion> criteria, String name, double value, double limit, boolean measured) {
        if (limit <= 0) {
            return;
        }
        // A run whose measured phase completed nothing (the generator never caught up
        // with its warm-up) met no latency limit: an empty histogram's zeros are not a
        // pass.
        String named = name + " <= " + (long) limit + " us" + (measured ? "" : " (no operation measured)");
        criteria.add(new Criterion(named, value, measured && value <= limit));
    }

    private static void layerLimit(List<Criterion> criteria, RunResult result, Layer layer, double limit) {
        Histogram histogram = result.histograms().get(new OpLayer(OpType.GET, layer));
        if (limit <= 0) {
            return;
        }
        if (histogram == null || histogram.getTotalCount() == 0) {
            criteria.add(new Criterion(
                    "GET/" + layer + " p99 <= " + (long) limit + " us (no " + layer + " reads: not judged)", 0, true));
            return;
        }
        double p99 = (double) RunReport.percentiles(histogram).get("p99");
        criteria.add(new Criterion("GET/" + layer + " p99 <= " + (long) limit + " us", p99, p99 <= limit));
    }

    private static void retention(List<Criterion> criteria, Map<DataClass, Double> retention, double limit) {
        double wedding = retention.getOrDefault(DataClass.WEDDING_DATA, 0.0);
        criteria.add(new Criterion("wedding data retained >= " + Math.round(limit * 100) + " %",
                Math.round(wedding * 1000) / 10.0, wedding >= limit));
        double lowest = retention.entrySet()
            .stream()
            .filter((entry) -> entry.getKey() != DataClass.WEDDING_DATA)
            .mapToDouble(Map.Entry::getValue)
            .min()
            .orElse(1.0);
        criteria.add(new Criterion("a lower class was evicted (lowest retention < 100 %)",
                Math.round(lowest * 1000) / 10.0, lowest < 1.0));
    }

    /**
     * What a run found beside its latencies.
     *
     * @param disruption what the disruption recorded (empty for none)
     * @param retention the share of each class's keys present after the run (empty when
     * not measured)
     * @param writes the read-back of acknowledged wedding writes, or {@code null} when
     * not kept
     */
    public record Findings(Map<String, Object> disruption, Map<DataClass, Double> retention,
            WriteLedger.Verification writes) {

        /** Nothing found. */
        public static final Findings NONE = new Findings(Map.of(), Map.of(), null);

    }

}

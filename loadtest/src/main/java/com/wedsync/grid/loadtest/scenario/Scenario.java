package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.report.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A named load with defaults sized for a 2-core machine (every one can be overridden on the command line) and
 * the pass criteria the original spec set for it. A failed criterion is a finding: the report says so.
 *
 * @param name the scenario's name
 * @param description what it shows
 * @param rate the default target rate in ops/s (0 for closed loop)
 * @param threads the default generator threads
 * @param warmup the default warm-up, not recorded
 * @param duration the default measured duration
 * @param workload the default workload spec
 * @param p95Micros the p95 the spec asks for, in microseconds (0 for none)
 * @param p99Micros the p99 the spec asks for, in microseconds (0 for none)
 */
public record Scenario(String name, String description, double rate, int threads, Duration warmup, Duration duration,
        String workload, double p95Micros, double p99Micros) {

    /** The scenarios built so far. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("baseline", "the wedding mix (95/5, Zipfian) at a steady open-loop rate", 10_000, 2,
                    Duration.ofSeconds(3), Duration.ofSeconds(10), "mix=wedding;weddings=100", 500, 1_000),
            new Scenario("max-throughput", "the wedding mix closed-loop: the most the target does (latency from "
                    + "actual start)", 0, 2, Duration.ofSeconds(3), Duration.ofSeconds(10), "mix=wedding;weddings=100",
                    0, 0));

    /**
     * Finds a scenario by name.
     * @param name the name
     * @return the scenario
     * @throws IllegalArgumentException naming the value and the known scenarios if none matches
     */
    public static Scenario named(String name) {
        return ALL.stream()
            .filter((scenario) -> scenario.name.equals(name.toLowerCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--scenario '" + name + "' is not one of "
                    + ALL.stream().map(Scenario::name).toList()));
    }

    /**
     * Judges a run against the scenario's criteria: no errors, the requested rate achieved (open loop, within
     * 5 %), and the spec's latency percentiles over all operations.
     * @param result the run
     * @return the criteria with their verdicts
     */
    public List<Criterion> judge(RunResult result) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new Criterion("errors == 0", result.totalErrors(), result.totalErrors() == 0));
        if (!result.closedLoop()) {
            double share = result.achievedRate() / result.settings().rate();
            criteria.add(new Criterion("achieved rate >= 95 % of " + (long) result.settings().rate() + " ops/s",
                    Math.round(share * 1000) / 10.0, share >= 0.95));
        }
        Histogram all = new Histogram(3);
        result.histograms().values().forEach(all::add);
        Map<String, Object> percentiles = RunReport.percentiles(all);
        if (this.p95Micros > 0) {
            double p95 = (double) percentiles.get("p95");
            criteria.add(new Criterion("p95 <= " + (long) this.p95Micros + " us", p95, p95 <= this.p95Micros));
        }
        if (this.p99Micros > 0) {
            double p99 = (double) percentiles.get("p99");
            criteria.add(new Criterion("p99 <= " + (long) this.p99Micros + " us", p99, p99 <= this.p99Micros));
        }
        return criteria;
    }
}

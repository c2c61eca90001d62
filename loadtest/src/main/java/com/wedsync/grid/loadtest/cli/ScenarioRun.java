package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.report.HtmlReport;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.scenario.Disruption;
import com.wedsync.grid.loadtest.scenario.DisruptionRun;
import com.wedsync.grid.loadtest.scenario.Judge;
import com.wedsync.grid.loadtest.scenario.Retention;
import com.wedsync.grid.loadtest.scenario.Scenario;
import com.wedsync.grid.loadtest.scenario.WriteLedger;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One scenario against one target: open it, preload the workload's keys, run with a live progress line, judge
 * the criteria, write report.json and the interval log, print a summary, close the target.
 */
final class ScenarioRun {

    private final RunOptions options;

    private final PrintStream out;

    ScenarioRun(RunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Map<String, Object> run(String target, Path folder) {
        Scenario scenario = this.options.scenario();
        RunSettings settings = this.options.settings(scenario);
        FiniteWorkload load = this.options.workload(scenario);
        this.out.printf("scenario %s, target %s, %s, %d threads%s, workload %s%n", scenario.name(), target,
                settings.closedLoop() ? "closed loop" : "open loop at " + (long) settings.rate() + " ops/s",
                settings.threads(), (settings.inFlight() > 0) ? ", " + settings.inFlight() + " in flight" : "",
                load.describe());
        try (Target opened = Targets.open(target, this.options.targets(scenario))) {
            DisruptionRun disruption = new DisruptionRun(scenario.name(), scenario.disruption(), opened.cluster(),
                    settings);
            if (!this.options.noPreload) {
                preload(load, opened);
            }
            // Only the run's writes are kept on the books: the preload wrote the keys the workload reads.
            Target driven = (scenario.disruption().kind() == Disruption.Kind.FAILOVER) ? new WriteLedger(opened)
                    : opened;
            RunResult result = new LoadRunner(settings, load, driven)
                .onProgress((p) -> {
                    this.out.printf("[%5.1fs]%s %,9.0f ops/s  p99 %,9.1f us  errors %d%n",
                            p.elapsed().toMillis() / 1000.0, p.warmup() ? " warm-up" : "", p.opsPerSecond(),
                            p.p99Micros(), p.errors());
                    disruption.accept(p);
                })
                .intervalLog(folder.resolve("latency.hlog"))
                .run();
            Judge.Findings findings = findings(scenario, load, driven, disruption);
            List<Criterion> criteria = Judge.judge(scenario, result, findings);
            Map<String, Object> report = RunReport.of(scenario.name(), load.describe(),
                    this.options.memberCount(target, scenario), result, criteria);
            report.put("findings", findingsMap(findings));
            Path written = RunReport.write(folder, report);
            HtmlReport.write(folder, report, folder.resolve("latency.hlog"));
            summarize(report, criteria, written);
            return report;
        }
    }

    private Judge.Findings findings(Scenario scenario, FiniteWorkload load, Target target,
            DisruptionRun disruption) {
        Map<String, Object> disrupted = new LinkedHashMap<>(disruption.finish());
        WriteLedger.Verification writes = null;
        if (target instanceof WriteLedger ledger) {
            long lastError = ledger.lastErrorNanos();
            if (disruption.firedNanos() != 0) {
                disrupted.put("secondsFromDisruptionToLastError",
                        (lastError - disruption.firedNanos() > 0) ? (lastError - disruption.firedNanos()) / 1e9 : 0.0);
            }
            writes = ledger.verify();
            this.out.printf("acknowledged wedding writes %,d, lost %,d%n", writes.acknowledged(), writes.lost());
        }
        Map<DataClass, Double> retention = Map.of();
        // After a member left or joined, what each class kept is as telling as under memory pressure.
        if (scenario.limits().weddingRetention() > 0 || scenario.disruption().kind() != Disruption.Kind.NONE) {
            retention = Retention.measure(load, target);
        }
        return new Judge.Findings(disrupted, retention, writes);
    }

    private static Map<String, Object> findingsMap(Judge.Findings findings) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!findings.disruption().isEmpty()) {
            map.put("disruption", findings.disruption());
        }
        if (!findings.retention().isEmpty()) {
            Map<String, Object> retention = new LinkedHashMap<>();
            findings.retention().forEach((dataClass, share) -> retention.put(dataClass.id(), share));
            map.put("retention", retention);
        }
        if (findings.writes() != null) {
            WriteLedger.Verification writes = findings.writes();
            map.put("weddingWrites", Map.of("acknowledged", writes.acknowledged(), "lost", writes.lost(),
                    "failedReads", writes.failedReads(), "lostSamples", writes.samples()));
        }
        return map;
    }

    private void preload(FiniteWorkload load, Target target) {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        long[] count = new long[1];
        load.forEachKey((dataClass, key) -> {
            target.execute(new Operation(OpType.PUT, dataClass, key, load.valueFor(dataClass, random)));
            count[0]++;
        });
        this.out.printf("preloaded %,d keys in %.1f s%n", count[0], (System.nanoTime() - start) / 1e9);
    }

    private void summarize(Map<String, Object> report, List<Criterion> criteria, Path written) {
        this.out.printf("achieved %s ops/s, %s ops, %s errors; latency (us) %s%n", report.get("achievedRate"),
                report.get("ops"), report.get("errors"), ((Map<?, ?>) report.get("latencyMicros")).get("ALL"));
        this.out.printf("read hit rates %s%n", report.get("readHitRates"));
        this.out.printf("  by class %s%n", report.get("readHitRatesByClass"));
        if (!((Map<?, ?>) report.get("findings")).isEmpty()) {
            this.out.printf("findings %s%n", report.get("findings"));
        }
        for (Criterion criterion : criteria) {
            this.out.printf("  %-4s %s (measured %s)%n", criterion.pass() ? "PASS" : "FAIL", criterion.name(),
                    criterion.measured());
        }
        this.out.printf("report: %s%n", written.toAbsolutePath());
    }
}

package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.report.HtmlReport;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.loadtest.scenario.Scenario;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.io.PrintStream;
import java.nio.file.Path;
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
        this.out.printf("scenario %s, target %s, %s, %d threads, workload %s%n", scenario.name(), target,
                settings.closedLoop() ? "closed loop" : "open loop at " + (long) settings.rate() + " ops/s",
                settings.threads(), load.describe());
        try (Target opened = Targets.open(target, this.options.targets())) {
            if (!this.options.noPreload) {
                preload(load, opened);
            }
            RunResult result = new LoadRunner(settings, load, opened)
                .onProgress((p) -> this.out.printf("[%5.1fs]%s %,9.0f ops/s  p99 %,9.1f us  errors %d%n",
                        p.elapsed().toMillis() / 1000.0, p.warmup() ? " warm-up" : "", p.opsPerSecond(),
                        p.p99Micros(), p.errors()))
                .intervalLog(folder.resolve("latency.hlog"))
                .run();
            List<Criterion> criteria = scenario.judge(result);
            Map<String, Object> report = RunReport.of(scenario.name(), load.describe(),
                    this.options.memberCount(target), result, criteria);
            Path written = RunReport.write(folder, report);
            HtmlReport.write(folder, report, folder.resolve("latency.hlog"));
            summarize(report, criteria, written);
            return report;
        }
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
        for (Criterion criterion : criteria) {
            this.out.printf("  %-4s %s (measured %s)%n", criterion.pass() ? "PASS" : "FAIL", criterion.name(),
                    criterion.measured());
        }
        this.out.printf("report: %s%n", written.toAbsolutePath());
    }
}

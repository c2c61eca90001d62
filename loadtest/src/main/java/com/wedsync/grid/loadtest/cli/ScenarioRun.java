package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.PhaseListener;
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
import com.wedsync.grid.loadtest.usage.GeneratorSource;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import com.wedsync.grid.loadtest.usage.UsageProbe;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One scenario against one target: open it, preload the workload's keys, run with a live
 * progress line, judge the criteria, write report.json and the interval log, print a
 * summary, close the target.
 */
final class ScenarioRun {

    private final RunOptions options;

    private final Topology topology;

    private final PrintStream out;

    ScenarioRun(RunOptions options, Topology topology, PrintStream out) {
        this.options = options;
        this.topology = topology;
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
        try (Target opened = Targets.open(target, this.topology.targets())) {
            DisruptionRun disruption = new DisruptionRun(scenario.name(), scenario.disruption(), opened.cluster(),
                    settings);
            if (!this.options.noPreload) {
                preload(load, opened, this.out);
            }
            // Only the run's writes are kept on the books: the preload wrote the keys the
            // workload reads.
            Target driven = (scenario.disruption().kind() == Disruption.Kind.FAILOVER) ? new WriteLedger(opened)
                    : opened;
            UsageProbe usage = new UsageProbe(processes(target, opened));
            RunResult result = new LoadRunner(settings, load, driven).onPhases(new PhaseListener() {
                @Override
                public void measuredStarted() {
                    usage.begin();
                }

                @Override
                public void measuredEnded() {
                    usage.end();
                }
            }).onProgress((p) -> {
                this.out.printf("[%5.1fs]%s %,9.0f ops/s  p99 %,9.1f us  errors %d%n", p.elapsed().toMillis() / 1000.0,
                        p.warmup() ? " warm-up" : "", p.opsPerSecond(), p.p99Micros(), p.errors());
                disruption.accept(p);
            }).intervalLog(folder.resolve("latency.hlog")).run();
            Judge.Findings findings = findings(scenario, load, driven, disruption);
            List<Criterion> criteria = Judge.judge(scenario, result, findings);
            Map<String, Object> report = RunReport.of(scenario.name(), load.describe(),
                    this.options.memberCount(target, scenario), result, criteria);
            report.put("findings", findingsMap(findings));
            report.put("topology", target.startsWith("grid") ? this.topology.describe() : "in the generator's JVM"
                    + (target.equals("redis") ? " (client), server at " + this.topology.targets().redisUri() : ""));
            report.put("usage", usage.result(result.totalOps() + result.totalErrors()).toMap());
            Path written = RunReport.write(folder, report);
            HtmlReport.write(folder, report, folder.resolve("latency.hlog"));
            summarize(report, criteria, written);
            return report;
        }
    }

    private List<ProcessSource> processes(String target, Target opened) {
        List<ProcessSource> sources = new ArrayList<>();
        boolean grid = target.startsWith("grid");
        sources.add(new GeneratorSource((grid && this.topology.embedded()) ? "generator+members" : "generator"));
        if (grid) {
            sources.addAll(this.topology.memberSources());
        }
        sources.addAll(opened.processes());
        return sources;
    }

    private Judge.Findings findings(Scenario scenario, FiniteWorkload load, Target target, DisruptionRun disruption) {
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
        // After a member left or joined, what each class kept is as telling as under
        // memory pressure.
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
            map.put("weddingWrites", Map.of("acknowledged", writes.acknowledged(), "lost", writes.lost(), "failedReads",
                    writes.failedReads(), "lostSamples", writes.samples()));
        }
        return map;
    }

    /**
     * Writes every key of the workload once, so that the run's reads find what they read.
     * @param load the workload
     * @param target where to write
     * @param out where to say how many and how long
     */
    static void preload(FiniteWorkload load, Target target, PrintStream out) {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        long[] count = new long[1];
        load.forEachKey((dataClass, key) -> {
            target.execute(new Operation(OpType.PUT, dataClass, key, load.valueFor(dataClass, random)));
            count[0]++;
        });
        out.printf("preloaded %,d keys in %.1f s%n", count[0], (System.nanoTime() - start) / 1e9);
    }

    private void summarize(Map<String, Object> report, List<Criterion> criteria, Path written) {
        this.out.printf("achieved %s ops/s, %s ops, %s errors; latency (us) %s%n", report.get("achievedRate"),
                report.get("ops"), report.get("errors"), ((Map<?, ?>) report.get("latencyMicros")).get("ALL"));
        this.out.printf("read hit rates %s%n", report.get("readHitRates"));
        this.out.printf("  by class %s%n", report.get("readHitRatesByClass"));
        Map<?, ?> schedule = (Map<?, ?>) report.get("schedule");
        if (Boolean.TRUE.equals(schedule.get("behind"))) {
            this.out.printf(
                    "the generator fell behind its schedule: %s unissued, %s issued over 1 ms late, longest "
                            + "%s us late; part of the latency is the generator's own%n",
                    schedule.get("unissued"), schedule.get("issuedOver1msLate"), schedule.get("maxStartLagMicros"));
        }
        Map<?, ?> usage = (Map<?, ?>) report.get("usage");
        for (Object process : (List<?>) usage.get("processes")) {
            Map<?, ?> figures = (Map<?, ?>) process;
            this.out.printf("  %-18s cpu %s s (%s s per 1,000 ops), gc pauses %s%n", figures.get("name"),
                    figures.get("cpuSeconds"), figures.get("cpuSecondsPer1000Ops"),
                    (figures.get("gcPauses") != null) ? figures.get("gcPauses") : "n/a");
        }
        this.out.printf("  machine: steal %s s (%s of CPU time)%n", usage.get("stealSeconds"), usage.get("stealShare"));
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

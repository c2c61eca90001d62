package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.generator.Arrival;
import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.loadtest.scenario.Scenario;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: one scenario against one target; a live progress line, a summary, and {@code report.json} plus an
 * HdrHistogram interval log in the output folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one scenario against one target and writes report.json and latency.hlog.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "baseline", description = "baseline or max-throughput (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--target", defaultValue = "grid", description = "grid, grid-l2 or caffeine (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--embedded", defaultValue = "1", description = "members to start in-process when --members is not given (default: ${DEFAULT-VALUE})")
    int embedded;

    @Option(names = "--members", split = ",", description = "host:port of a running cluster's members")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", defaultValue = "wedsync-grid", description = "the running cluster's name (default: ${DEFAULT-VALUE})")
    String clusterName;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "the redis target's server (default: ${DEFAULT-VALUE})")
    String redisUri;

    @Option(names = "--memory-limit", defaultValue = "512", description = "each embedded member's cache memory, MiB (default: ${DEFAULT-VALUE})")
    long memoryLimitMib;

    @Option(names = "--rate", description = "target ops/s; 0 for closed loop (default: the scenario's)")
    Double rate;

    @Option(names = "--threads", description = "generator threads (default: the scenario's)")
    Integer threads;

    @Option(names = "--duration", description = "measured time, e.g. 30s (default: the scenario's)")
    String duration;

    @Option(names = "--warmup", description = "unrecorded time before it, e.g. 5s (default: the scenario's)")
    String warmup;

    @Option(names = "--workload", description = "workload spec, e.g. mix=wedding;weddings=1000 or ycsb=B;records=100000 (default: the scenario's)")
    String workload;

    @Option(names = "--arrival", defaultValue = "CONSTANT", description = "CONSTANT or POISSON (default: ${DEFAULT-VALUE})")
    Arrival arrival;

    @Option(names = "--no-preload", description = "do not write every key of the workload before the run")
    boolean noPreload;

    @Option(names = "--out", description = "output folder (default: loadtest-results/<scenario>-<target>)")
    Path out;

    @Override
    public Integer call() {
        Scenario chosen = Scenario.named(this.scenario);
        RunSettings settings = new RunSettings((this.rate != null) ? this.rate : chosen.rate(), this.arrival,
                (this.threads != null) ? this.threads : chosen.threads(), duration("--warmup", this.warmup, chosen.warmup()),
                duration("--duration", this.duration, chosen.duration()), Duration.ofSeconds(5), RunSettings.DEFAULT_SEED);
        FiniteWorkload load = WorkloadSpec.parse((this.workload != null) ? this.workload : chosen.workload())
            .create(Clock.systemUTC());
        Path folder = (this.out != null) ? this.out : Path.of("loadtest-results", chosen.name() + "-" + this.target);
        createFolder(folder);
        Targets.TargetOptions grid = new Targets.TargetOptions(this.members, this.clusterName, this.embedded,
                this.memoryLimitMib << 20, this.redisUri);
        System.out.printf("scenario %s, target %s, %s, %d threads, workload %s%n", chosen.name(), this.target,
                settings.closedLoop() ? "closed loop" : "open loop at " + (long) settings.rate() + " ops/s",
                settings.threads(), load.describe());
        try (Target opened = Targets.open(this.target, grid)) {
            if (!this.noPreload) {
                preload(load, opened);
            }
            RunResult result = new LoadRunner(settings, load, opened)
                .onProgress((p) -> System.out.printf("[%5.1fs]%s %,9.0f ops/s  p99 %,9.1f us  errors %d%n",
                        p.elapsed().toMillis() / 1000.0, p.warmup() ? " warm-up" : "", p.opsPerSecond(), p.p99Micros(),
                        p.errors()))
                .intervalLog(folder.resolve("latency.hlog"))
                .run();
            List<Criterion> criteria = chosen.judge(result);
            int memberCount = this.target.startsWith("grid") ? (this.members.isEmpty() ? this.embedded : this.members.size()) : 0;
            Map<String, Object> report = RunReport.of(chosen.name(), load.describe(), memberCount, result, criteria);
            Path written = RunReport.write(folder, report);
            summarize(report, criteria, written);
        }
        return 0;
    }

    private static void preload(FiniteWorkload load, Target target) {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        long[] count = new long[1];
        load.forEachKey((dataClass, key) -> {
            target.execute(new Operation(OpType.PUT, dataClass, key, load.valueFor(dataClass, random)));
            count[0]++;
        });
        System.out.printf("preloaded %,d keys in %.1f s%n", count[0], (System.nanoTime() - start) / 1e9);
    }

    private static void summarize(Map<String, Object> report, List<Criterion> criteria, Path written) {
        System.out.printf("achieved %s ops/s, %s ops, %s errors; latency (us) %s%n", report.get("achievedRate"),
                report.get("ops"), report.get("errors"), ((Map<?, ?>) report.get("latencyMicros")).get("ALL"));
        System.out.printf("read hit rates %s%n", report.get("readHitRates"));
        for (Criterion criterion : criteria) {
            System.out.printf("  %-4s %s (measured %s)%n", criterion.pass() ? "PASS" : "FAIL", criterion.name(),
                    criterion.measured());
        }
        System.out.printf("report: %s%n", written.toAbsolutePath());
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("--out '" + folder + "' cannot be created: " + ex.getMessage(), ex);
        }
    }

    private static Duration duration(String option, String text, Duration fallback) {
        return (text == null) ? fallback : Durations.parse(option, text);
    }
}

package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.soak.SoakOptions;
import com.wedsync.grid.loadtest.soak.SoakVerdict;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code soak}: a steady load held for a long time, the client's and every member's heap
 * after GC, threads and entries sampled over it, and a verdict on their growth after the
 * warm-up and on errors; {@code soak.json}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Holds a steady open-loop wedding load through grid-client (near caches on) and samples the "
                + "client's and each member's heap after GC, live threads and entries; passes (exit 0) when none "
                + "grew more than --max-growth after the warm-up and no operation failed, else exit 3. Writes "
                + "soak.json and latency.hlog.")
final class SoakCommand implements Callable<Integer> {

    /** The exit code of a soak that ran and failed its criteria. */
    static final int FAILED = 3;

    private static final long MEMORY_MIB = 512;

    @Option(names = "--duration", defaultValue = "30m",
            description = "the whole load, warm-up included (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--warmup", defaultValue = "5m",
            description = "the first part of it, not judged: a duration, or a share of --duration such as 20% (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--sample-interval", defaultValue = "30s",
            description = "time between samples, at least 1s (default: ${DEFAULT-VALUE})")
    String sampleInterval;

    @Option(names = "--rate", defaultValue = "2000",
            description = "operations per second, open loop (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--threads", defaultValue = "2", description = "generator threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--max-growth", defaultValue = "10%",
            description = "growth allowed after the warm-up, e.g. 10% or 0.1 (default: ${DEFAULT-VALUE})")
    String maxGrowth;

    @Option(names = "--workload", defaultValue = "mix=wedding;weddings=100",
            description = "workload spec (default: ${DEFAULT-VALUE})")
    String workload;

    @Mixin
    TargetLocation location = new TargetLocation();

    @Option(names = "--out", description = "output folder (default: loadtest-results/soak)")
    Path out;

    @Override
    public Integer call() {
        Duration total = Durations.parse("--duration", this.duration);
        SoakOptions options = new SoakOptions(total, SoakOptions.warmup(this.warmup, total),
                Durations.parse("--sample-interval", this.sampleInterval), this.rate, this.threads,
                SoakOptions.maxGrowth(this.maxGrowth));
        FiniteWorkload load = WorkloadSpec.parse(this.workload).create(Clock.systemUTC());
        // As deployed unless told otherwise: 3 members, each in its own process.
        this.location.defaultNodes(3);
        Path folder = RunOptions.createdFolder((this.out != null) ? this.out : Path.of("loadtest-results", "soak"));
        // The options are checked before any member starts: a bad one is a named error
        // with nothing left running.
        try (Topology topology = Topology.open(this.location.options(1, MEMORY_MIB),
                this.location.nodeLaunch(MEMORY_MIB, folder.resolve("nodes")))) {
            SoakVerdict verdict = new SoakRun(options, load, topology, System.out).run(folder,
                    this.location.memberCount("grid", 1));
            return verdict.pass() ? 0 : FAILED;
        }
    }

}

package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.generator.Arrival;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.scenario.Scenario;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code compare} share: the scenario, where the targets are, and overrides of the
 * scenario's rate, threads, durations and workload.
 */
final class RunOptions {

    private static final long MAX_MEMORY_MIB = 1L << 20;

    @Option(names = "--scenario", defaultValue = "baseline", description = "baseline, max-throughput, saturday-spike, season-sustained, multi-layer, memory-pressure, scale-out, failover or concurrent-weddings (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--embedded", description = "members to start in-process when --members is not given (default: the scenario's)")
    Integer embedded;

    @Option(names = "--members", split = ",", description = "host:port of a running cluster's members")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", defaultValue = "wedsync-grid", description = "the running cluster's name (default: ${DEFAULT-VALUE})")
    String clusterName;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "the redis target's server (default: ${DEFAULT-VALUE})")
    String redisUri;

    @Option(names = "--memory-limit", description = "each embedded member's cache memory, MiB (default: the scenario's)")
    Long memoryLimitMib;

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

    @Option(names = "--in-flight", description = "operations in flight at once through the targets' async APIs; 0 for one per thread, synchronous (default: the scenario's)")
    Integer inFlight;

    @Option(names = "--ops", description = "end the measured phase after this many operations (default: the scenario's; 0 for no bound)")
    Long maxOps;

    @Option(names = "--no-preload", description = "do not write every key of the workload before the run")
    boolean noPreload;

    @Option(names = "--out", description = "output folder (default: loadtest-results/<scenario>-<target>)")
    Path out;

    Scenario scenario() {
        return Scenario.named(this.scenario);
    }

    RunSettings settings(Scenario chosen) {
        Scenario.Load load = chosen.load();
        return new RunSettings((this.rate != null) ? this.rate : load.rate(), this.arrival,
                (this.threads != null) ? this.threads : load.threads(),
                duration("--warmup", this.warmup, load.warmup()),
                duration("--duration", this.duration, load.duration()), Duration.ofSeconds(5),
                RunSettings.DEFAULT_SEED)
            .withProfile(load.profile())
            .withInFlight((this.inFlight != null) ? this.inFlight : 0)
            .withMaxOps((this.maxOps != null) ? this.maxOps : load.maxOps());
    }

    FiniteWorkload workload(Scenario chosen) {
        String spec = (this.workload != null) ? this.workload : chosen.load().workload();
        return WorkloadSpec.parse(spec).create(Clock.systemUTC());
    }

    Targets.TargetOptions targets(Scenario chosen) {
        long memoryMib = (this.memoryLimitMib != null) ? this.memoryLimitMib : chosen.memoryLimitMib();
        if (memoryMib < 1 || memoryMib > MAX_MEMORY_MIB) {
            throw new IllegalArgumentException("--memory-limit (" + memoryMib + ") must be between 1 and "
                    + MAX_MEMORY_MIB + " MiB");
        }
        return new Targets.TargetOptions(this.members, this.clusterName, embedded(chosen), memoryMib << 20,
                this.redisUri);
    }

    int memberCount(String target, Scenario chosen) {
        return target.startsWith("grid") ? (this.members.isEmpty() ? embedded(chosen) : this.members.size()) : 0;
    }

    private int embedded(Scenario chosen) {
        return (this.embedded != null) ? this.embedded : chosen.members();
    }

    Path folder(String name) {
        return createdFolder((this.out != null) ? this.out : Path.of("loadtest-results", name));
    }

    static Path createdFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return folder;
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("--out '" + folder + "' cannot be created: " + ex.getMessage(), ex);
        }
    }

    private static Duration duration(String option, String text, Duration fallback) {
        return (text == null) ? fallback : Durations.parse(option, text);
    }
}

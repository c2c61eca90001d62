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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code compare} share: the scenario, where the targets are,
 * and overrides of the scenario's rate, threads, durations and workload.
 */
final class RunOptions {

    @Mixin
    TargetLocation location = new TargetLocation();

    @Option(names = "--scenario", defaultValue = "baseline",
            description = "baseline, max-throughput, saturday-spike, season-sustained, multi-layer, memory-pressure, scale-out, failover or concurrent-weddings (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--rate", description = "target ops/s; 0 for closed loop (default: the scenario's)")
    Double rate;

    @Option(names = "--threads", description = "generator threads (default: the scenario's)")
    Integer threads;

    @Option(names = "--duration", description = "measured time, e.g. 30s (default: the scenario's)")
    String duration;

    @Option(names = "--warmup", description = "unrecorded time before it, e.g. 5s (default: the scenario's)")
    String warmup;

    @Option(names = "--workload",
            description = "workload spec, e.g. mix=wedding;weddings=1000 or ycsb=B;records=100000 (default: the scenario's)")
    String workload;

    @Option(names = "--arrival", defaultValue = "CONSTANT",
            description = "CONSTANT or POISSON (default: ${DEFAULT-VALUE})")
    Arrival arrival;

    @Option(names = "--in-flight",
            description = "operations in flight at once through the targets' async APIs; 0 for one per thread, synchronous (default: the scenario's)")
    Integer inFlight;

    @Option(names = "--ops",
            description = "end the measured phase after this many operations (default: the scenario's; 0 for no bound)")
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
                duration("--duration", this.duration, load.duration()), Duration.ofSeconds(5), RunSettings.DEFAULT_SEED)
            .withProfile(load.profile())
            .withInFlight((this.inFlight != null) ? this.inFlight : 0)
            .withMaxOps((this.maxOps != null) ? this.maxOps : load.maxOps());
    }

    FiniteWorkload workload(Scenario chosen) {
        String spec = (this.workload != null) ? this.workload : chosen.load().workload();
        return WorkloadSpec.parse(spec).create(Clock.systemUTC());
    }

    Targets.TargetOptions targets(Scenario chosen) {
        return this.location.options(chosen.members(), chosen.memoryLimitMib());
    }

    /**
     * Opens where the grid targets run for the whole command: starts the members of
     * {@code --nodes}, if given.
     * @param chosen the scenario, for the members' cache memory
     * @param folder the command's output folder; started members write their output under
     * {@code nodes/}
     * @return the topology, to be closed at the end of the command
     */
    Topology topology(Scenario chosen, Path folder) {
        return Topology.open(targets(chosen),
                this.location.nodeLaunch(chosen.memoryLimitMib(), folder.resolve("nodes")));
    }

    int memberCount(String target, Scenario chosen) {
        return this.location.memberCount(target, chosen.members());
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

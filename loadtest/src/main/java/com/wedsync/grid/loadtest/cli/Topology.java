package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.nodes.NodeFleet;
import com.wedsync.grid.loadtest.nodes.NodeLaunch;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.soak.MemberProbe;
import com.wedsync.grid.loadtest.soak.ProcessProbe;
import com.wedsync.grid.loadtest.usage.MemberSource;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Where one command's grid targets run, for all its runs: members it started as separate
 * processes ({@code --nodes}), a running cluster ({@code --members}), or members embedded
 * in the generator's JVM (the default, for self-contained runs). Owns and stops the
 * members it started.
 */
final class Topology implements AutoCloseable {

    private final Targets.TargetOptions options;

    private final NodeFleet fleet;

    private Topology(Targets.TargetOptions options, NodeFleet fleet) {
        this.options = options;
        this.fleet = fleet;
    }

    /**
     * Starts the members of {@code --nodes}, if given.
     * @param options the targets' options from the command line
     * @param launch how to launch the members, or {@code null} for none
     * @return the topology
     * @throws IllegalStateException naming the member if one could not be started; none
     * is left running
     */
    static Topology open(Targets.TargetOptions options, NodeLaunch launch) {
        if (launch == null) {
            return new Topology(options, null);
        }
        NodeFleet fleet = NodeFleet.start(launch);
        return new Topology(new Targets.TargetOptions(fleet.addresses(), fleet.clusterName(), 0,
                options.memoryLimitBytes(), options.redisUri()), fleet);
    }

    /**
     * Returns the options grid targets are opened with.
     * @return the options, naming the started members when there are any
     */
    Targets.TargetOptions targets() {
        return this.options;
    }

    /**
     * Tells whether grid targets start members inside the generator's JVM.
     * @return {@code true} for the embedded default
     */
    boolean embedded() {
        return this.fleet == null && this.options.members().isEmpty();
    }

    /**
     * Describes the topology for reports.
     * @return one line
     */
    String describe() {
        if (this.fleet != null) {
            return this.fleet.members().size() + " grid-node.jar process(es) started by the loadtest ("
                    + this.fleet.launch().javaOpts() + ")";
        }
        return embedded() ? "embedded: members inside the generator's JVM (self-contained, not as deployed)"
                : "running cluster at " + this.options.members();
    }

    /**
     * Returns the started members as processes to record.
     * @return one per member; none for an embedded or running cluster
     */
    List<ProcessSource> memberSources() {
        return members(MemberSource::new);
    }

    /**
     * Returns the started members as processes a soak samples.
     * @return one per member; none for an embedded or running cluster
     */
    List<ProcessProbe> memberProbes() {
        return members(MemberProbe::of);
    }

    private <T> List<T> members(BiFunction<NodeFleet, NodeFleet.Member, T> view) {
        if (this.fleet == null) {
            return List.of();
        }
        return this.fleet.members().stream().map((m) -> view.apply(this.fleet, m)).toList();
    }

    @Override
    public void close() {
        if (this.fleet != null) {
            this.fleet.close();
        }
    }

}

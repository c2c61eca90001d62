package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.nodes.NodeLaunch;
import com.wedsync.grid.loadtest.target.Targets;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the targets are, shared by every command: a running cluster's members, members to
 * start as separate processes, or the size and memory of an embedded grid, and the Redis
 * server. The embedded grid's defaults come from the command (a scenario's, or fixed).
 */
final class TargetLocation {

    private static final long MAX_MEMORY_MIB = 1L << 20;

    @Option(names = "--embedded",
            description = "members to start in-process when --members is not given (default: the scenario's, 1 for bulk-load)")
    Integer embedded;

    @Option(names = "--members", split = ",", description = "host:port of a running cluster's members")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", defaultValue = "wedsync-grid",
            description = "the running cluster's name (default: ${DEFAULT-VALUE})")
    String clusterName;

    @Option(names = "--memory-limit",
            description = "each embedded member's cache memory, MiB (default: the scenario's, 512 for bulk-load)")
    Long memoryLimitMib;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379",
            description = "the redis target's server (default: ${DEFAULT-VALUE})")
    String redisUri;

    @Option(names = "--nodes",
            description = "start this many grid-node.jar members, each in its own process as deployments run them (through grid-node/bin/grid-node and jvm.options), and stop them at the end")
    Integer nodes;

    @Option(names = "--node-heap-mib",
            description = "each started member's heap, -Xms and -Xmx (default: 2.5 x its cache memory, at least 1024)")
    Long nodeHeapMib;

    @Option(names = "--node-jvm-option",
            description = "a JVM option for the started members after the shipped ones (repeatable), to try other settings")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Option(names = "--node-java-home", description = "the JDK the started members run on (default: this JVM's)")
    Path nodeJavaHome;

    @Option(names = "--node-ready-timeout", defaultValue = "120s",
            description = "longest a started member may take to become ready (default: ${DEFAULT-VALUE})")
    String nodeReadyTimeout;

    @Option(names = "--node-launcher", description = "the launcher (default: grid-node/bin/grid-node of this checkout)")
    Path nodeLauncher;

    @Option(names = "--node-jar",
            description = "the member jar (default: grid-node/target/grid-node.jar of this checkout)")
    Path nodeJar;

    /**
     * Starts members of their own for a command that runs as deployed unless told
     * otherwise: sets {@code --nodes} when neither it, {@code --members} nor
     * {@code --embedded} was given.
     * @param count the members to start
     */
    void defaultNodes(int count) {
        if (this.nodes == null && this.members.isEmpty() && this.embedded == null) {
            this.nodes = count;
        }
    }

    /**
     * Returns the options targets are opened with.
     * @param defaultMembers the embedded members when {@code --embedded} is not given
     * @param defaultMemoryMib the embedded members' memory when {@code --memory-limit} is
     * not given
     * @return the options
     * @throws IllegalArgumentException naming the value when the memory limit is out of
     * range
     */
    Targets.TargetOptions options(int defaultMembers, long defaultMemoryMib) {
        return new Targets.TargetOptions(this.members, this.clusterName, embedded(defaultMembers),
                memoryMib(defaultMemoryMib) << 20, this.redisUri);
    }

    /**
     * Returns how the members of {@code --nodes} are launched, or {@code null} without
     * it.
     * @param defaultMemoryMib the members' cache memory when {@code --memory-limit} is
     * not given
     * @param logFolder where the members' output goes
     * @return the launch, or {@code null} when no members are to be started
     * @throws IllegalArgumentException naming the option and the value of a bad or
     * conflicting one
     */
    NodeLaunch nodeLaunch(long defaultMemoryMib, Path logFolder) {
        if (this.nodes == null) {
            return null;
        }
        if (!this.members.isEmpty() || this.embedded != null) {
            throw new IllegalArgumentException("--nodes (" + this.nodes + ") starts members of its own: leave out "
                    + (this.members.isEmpty() ? "--embedded" : "--members"));
        }
        long memoryMib = memoryMib(defaultMemoryMib);
        long heapMib = (this.nodeHeapMib != null) ? this.nodeHeapMib : Math.max(1024, memoryMib * 5 / 2);
        Path root = checkout();
        return new NodeLaunch(this.nodes,
                (this.nodeLauncher != null) ? this.nodeLauncher : root.resolve("grid-node/bin/grid-node"),
                (this.nodeJar != null) ? this.nodeJar : root.resolve("grid-node/target/grid-node.jar"),
                (this.nodeJavaHome != null) ? this.nodeJavaHome : Path.of(System.getProperty("java.home")), heapMib,
                memoryMib, this.nodeJvmOptions, Durations.parse("--node-ready-timeout", this.nodeReadyTimeout),
                logFolder);
    }

    /**
     * Returns the checkout this loadtest was built in: loadtest/target/loadtest.jar (or
     * classes) is 3 levels down.
     */
    private static Path checkout() {
        try {
            Path built = Path.of(TargetLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = built.toAbsolutePath().getParent().getParent().getParent();
            return (root != null) ? root : Path.of("");
        }
        catch (URISyntaxException | RuntimeException ex) {
            return Path.of("");
        }
    }

    /**
     * Returns how many members serve a target.
     * @param target the target's name
     * @param defaultMembers the embedded members when {@code --embedded} is not given
     * @return the running cluster's given members, the embedded ones, or 0 for a target
     * without members
     */
    int memberCount(String target, int defaultMembers) {
        if (!target.startsWith("grid")) {
            return 0;
        }
        if (this.nodes != null) {
            return this.nodes;
        }
        return this.members.isEmpty() ? embedded(defaultMembers) : this.members.size();
    }

    private long memoryMib(long defaultMemoryMib) {
        long memoryMib = (this.memoryLimitMib != null) ? this.memoryLimitMib : defaultMemoryMib;
        if (memoryMib < 1 || memoryMib > MAX_MEMORY_MIB) {
            throw new IllegalArgumentException(
                    "--memory-limit (" + memoryMib + ") must be between 1 and " + MAX_MEMORY_MIB + " MiB");
        }
        return memoryMib;
    }

    private int embedded(int defaultMembers) {
        return (this.embedded != null) ? this.embedded : defaultMembers;
    }

}

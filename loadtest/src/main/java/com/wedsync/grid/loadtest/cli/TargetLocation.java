package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.target.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the targets are, shared by every command: a running cluster's members, or the size and memory of an
 * embedded grid, and the Redis server. The embedded grid's defaults come from the command (a scenario's, or fixed).
 */
final class TargetLocation {

    private static final long MAX_MEMORY_MIB = 1L << 20;

    @Option(names = "--embedded", description = "members to start in-process when --members is not given (default: the scenario's, 1 for bulk-load)")
    Integer embedded;

    @Option(names = "--members", split = ",", description = "host:port of a running cluster's members")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", defaultValue = "wedsync-grid", description = "the running cluster's name (default: ${DEFAULT-VALUE})")
    String clusterName;

    @Option(names = "--memory-limit", description = "each embedded member's cache memory, MiB (default: the scenario's, 512 for bulk-load)")
    Long memoryLimitMib;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "the redis target's server (default: ${DEFAULT-VALUE})")
    String redisUri;

    /**
     * Returns the options targets are opened with.
     * @param defaultMembers the embedded members when {@code --embedded} is not given
     * @param defaultMemoryMib the embedded members' memory when {@code --memory-limit} is not given
     * @return the options
     * @throws IllegalArgumentException naming the value when the memory limit is out of range
     */
    Targets.TargetOptions options(int defaultMembers, long defaultMemoryMib) {
        long memoryMib = (this.memoryLimitMib != null) ? this.memoryLimitMib : defaultMemoryMib;
        if (memoryMib < 1 || memoryMib > MAX_MEMORY_MIB) {
            throw new IllegalArgumentException("--memory-limit (" + memoryMib + ") must be between 1 and "
                    + MAX_MEMORY_MIB + " MiB");
        }
        return new Targets.TargetOptions(this.members, this.clusterName, embedded(defaultMembers), memoryMib << 20,
                this.redisUri);
    }

    /**
     * Returns how many members serve a target.
     * @param target the target's name
     * @param defaultMembers the embedded members when {@code --embedded} is not given
     * @return the running cluster's given members, the embedded ones, or 0 for a target without members
     */
    int memberCount(String target, int defaultMembers) {
        return target.startsWith("grid") ? (this.members.isEmpty() ? embedded(defaultMembers) : this.members.size())
                : 0;
    }

    private int embedded(int defaultMembers) {
        return (this.embedded != null) ? this.embedded : defaultMembers;
    }
}

package com.wedsync.grid.loadtest.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link NodeFleet} launches its members: through the shipped launcher
 * ({@code grid-node/bin/grid-node}, which applies {@code grid-node/jvm.options}), with a
 * fixed heap as the sizing module sets it, on a given JDK.
 *
 * @param members how many members, 1 to {@link #MAX_MEMBERS}
 * @param launcher the launcher script
 * @param jar the packaged {@code grid-node.jar}
 * @param javaHome the JDK or JRE the members run on
 * @param heapMib each member's heap, {@code -Xms} and {@code -Xmx}
 * @param memoryLimitMib each member's cache memory ({@code GRID_MEMORY_LIMIT}), below the
 * heap
 * @param extraJvmOptions options after the shipped ones ({@code JAVA_OPTS}), for trying
 * other settings
 * @param readyTimeout how long a member may take to become ready
 * @param logFolder where each member's output goes
 */
public record NodeLaunch(int members, Path launcher, Path jar, Path javaHome, long heapMib, long memoryLimitMib,
        List<String> extraJvmOptions, Duration readyTimeout, Path logFolder) {

    /** The most members one fleet starts on one machine. */
    public static final int MAX_MEMBERS = 9;

    /**
     * Validates the launch, naming the option and the value of the first bad one.
     * @throws IllegalArgumentException naming the option and the value
     */
    public NodeLaunch {
        if (members < 1 || members > MAX_MEMBERS) {
            throw new IllegalArgumentException("--nodes (" + members + ") must be between 1 and " + MAX_MEMBERS);
        }
        requireReadable("--node-launcher", launcher);
        requireReadable("--node-jar", jar);
        if (!Files.isExecutable(Objects.requireNonNull(javaHome, "javaHome").resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("--node-java-home '" + javaHome + "' has no bin/java");
        }
        if (memoryLimitMib < 1 || heapMib <= memoryLimitMib) {
            throw new IllegalArgumentException("--node-heap (" + heapMib + " MiB) must be larger than the members' "
                    + "cache memory (" + memoryLimitMib + " MiB)");
        }
        extraJvmOptions = List.copyOf(extraJvmOptions);
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("--node-ready-timeout (" + readyTimeout + ") must be positive");
        }
        Objects.requireNonNull(logFolder, "logFolder");
    }

    /**
     * Returns the {@code JAVA_OPTS} the launcher appends to the shipped options.
     * @return the heap flags, then the extra options
     */
    public String javaOpts() {
        StringBuilder opts = new StringBuilder("-Xms" + this.heapMib + "m -Xmx" + this.heapMib + "m");
        this.extraJvmOptions.forEach((option) -> opts.append(' ').append(option));
        return opts.toString();
    }

    private static void requireReadable(String option, Path path) {
        if (path == null || !Files.isReadable(path)) {
            throw new IllegalArgumentException(option + " '" + path + "' is not a readable file (build with "
                    + "mvn -DskipTests package, or name it with " + option + ")");
        }
    }
}

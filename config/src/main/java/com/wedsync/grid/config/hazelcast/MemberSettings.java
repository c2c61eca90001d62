package com.wedsync.grid.config.hazelcast;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one member joins and serves the grid: the part of its configuration that is not in the catalog.
 *
 * @param clusterName the cluster to join; members with another name are never joined
 * @param members the addresses ({@code host} or {@code host:port}) to look for other members at, for TCP/IP
 *     discovery
 * @param bindAddress the interface the member binds to and announces ({@code 127.0.0.1} by default)
 * @param port the first port to try
 * @param portAutoIncrement whether to try the next ports when {@code port} is taken
 * @param memoryLimitBytes the member's cache memory limit, shared out among the data classes
 * @param weddingPriority whether wedding data of upcoming weddings is evicted last
 * @param discovery how the member finds the others
 * @param shutdownTimeout the longest a graceful shutdown waits for partitions to migrate
 * @param placement the cloud discovery's filters and whether backups go to another zone
 * @param quorum the fewest members a side of a split needs to take writes of the catalog's protected classes
 */
public record MemberSettings(String clusterName, List<String> members, String bindAddress, int port,
        boolean portAutoIncrement, long memoryLimitBytes, boolean weddingPriority, Discovery discovery,
        Duration shutdownTimeout, Placement placement, Quorum quorum) {

    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the field and the value when one is missing or out of range
     */
    public MemberSettings {
        Objects.requireNonNull(clusterName, "clusterName is missing");
        if (!CLUSTER_NAME.matcher(clusterName).matches()) {
            throw new IllegalArgumentException("clusterName ('" + clusterName
                    + "') must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        members = List.copyOf(Objects.requireNonNull(members, "members is missing"));
        Objects.requireNonNull(bindAddress, "bindAddress is missing");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be between 1 and 65535");
        }
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimitBytes (" + memoryLimitBytes + ") must be positive");
        }
        Objects.requireNonNull(discovery, "discovery is missing");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout is missing");
        if (shutdownTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("shutdownTimeout (" + shutdownTimeout + ") must be at least 1s");
        }
        Objects.requireNonNull(placement, "placement is missing; use Placement.NONE");
        if (placement.zoneAware() && discovery == Discovery.TCP_IP) {
            throw new IllegalArgumentException("zone-aware placement needs the aws or kubernetes discovery, which "
                    + "tell each member its zone; discovery is " + discovery);
        }
        Objects.requireNonNull(quorum, "quorum is missing; use Quorum.OFF");
    }

    /**
     * Creates settings without split-brain protection ({@link Quorum#OFF}).
     * @param clusterName see {@link #clusterName()}
     * @param members see {@link #members()}
     * @param bindAddress see {@link #bindAddress()}
     * @param port see {@link #port()}
     * @param portAutoIncrement see {@link #portAutoIncrement()}
     * @param memoryLimitBytes see {@link #memoryLimitBytes()}
     * @param weddingPriority see {@link #weddingPriority()}
     * @param discovery see {@link #discovery()}
     * @param shutdownTimeout see {@link #shutdownTimeout()}
     * @param placement see {@link #placement()}
     * @throws IllegalArgumentException naming the field and the value when one is missing or out of range
     */
    public MemberSettings(String clusterName, List<String> members, String bindAddress, int port,
            boolean portAutoIncrement, long memoryLimitBytes, boolean weddingPriority, Discovery discovery,
            Duration shutdownTimeout, Placement placement) {
        this(clusterName, members, bindAddress, port, portAutoIncrement, memoryLimitBytes, weddingPriority,
                discovery, shutdownTimeout, placement, Quorum.OFF);
    }

    /**
     * Creates settings without cloud placement ({@link Placement#NONE}) or split-brain protection.
     * @param clusterName see {@link #clusterName()}
     * @param members see {@link #members()}
     * @param bindAddress see {@link #bindAddress()}
     * @param port see {@link #port()}
     * @param portAutoIncrement see {@link #portAutoIncrement()}
     * @param memoryLimitBytes see {@link #memoryLimitBytes()}
     * @param weddingPriority see {@link #weddingPriority()}
     * @param discovery see {@link #discovery()}
     * @param shutdownTimeout see {@link #shutdownTimeout()}
     * @throws IllegalArgumentException naming the field and the value when one is missing or out of range
     */
    public MemberSettings(String clusterName, List<String> members, String bindAddress, int port,
            boolean portAutoIncrement, long memoryLimitBytes, boolean weddingPriority, Discovery discovery,
            Duration shutdownTimeout) {
        this(clusterName, members, bindAddress, port, portAutoIncrement, memoryLimitBytes, weddingPriority,
                discovery, shutdownTimeout, Placement.NONE);
    }

    /**
     * Returns settings for a one-member grid on loopback, the defaults of a node started with no environment.
     * @param clusterName the cluster name
     * @param memoryLimitBytes the cache memory limit
     * @return the settings
     */
    public static MemberSettings loopback(String clusterName, long memoryLimitBytes) {
        return new MemberSettings(clusterName, List.of("127.0.0.1"), "127.0.0.1", 5701, true, memoryLimitBytes,
                true, Discovery.TCP_IP, Duration.ofSeconds(45));
    }

    /**
     * Returns a copy that binds to another port.
     * @param newPort the port
     * @param autoIncrement whether later ports may be tried
     * @return the copy
     */
    public MemberSettings withPort(int newPort, boolean autoIncrement) {
        return new MemberSettings(this.clusterName, this.members, this.bindAddress, newPort, autoIncrement,
                this.memoryLimitBytes, this.weddingPriority, this.discovery, this.shutdownTimeout, this.placement,
                this.quorum);
    }

    /**
     * Returns a copy that looks for members at other addresses.
     * @param newMembers the addresses
     * @return the copy
     */
    public MemberSettings withMembers(List<String> newMembers) {
        return new MemberSettings(this.clusterName, newMembers, this.bindAddress, this.port, this.portAutoIncrement,
                this.memoryLimitBytes, this.weddingPriority, this.discovery, this.shutdownTimeout, this.placement,
                this.quorum);
    }

    /**
     * Returns a copy with another split-brain protection.
     * @param newQuorum the quorum, or {@link Quorum#OFF}
     * @return the copy
     */
    public MemberSettings withQuorum(Quorum newQuorum) {
        return new MemberSettings(this.clusterName, this.members, this.bindAddress, this.port, this.portAutoIncrement,
                this.memoryLimitBytes, this.weddingPriority, this.discovery, this.shutdownTimeout, this.placement,
                newQuorum);
    }
}

package com.wedsync.grid.config.hazelcast;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one member joins and serves the grid: the part of its configuration that is not in
 * the catalog. Build it with {@link #builder()}, whose defaults are a one-member grid on
 * loopback; a refused value throws an {@link InvalidFieldException} naming the field.
 *
 * @param clusterName the cluster to join; members with another name are never joined
 * @param members the addresses ({@code host} or {@code host:port}) to look for other
 * members at, for TCP/IP discovery
 * @param bindAddress the interface the member binds to and announces ({@code 127.0.0.1}
 * by default)
 * @param port the first port to try
 * @param portAutoIncrement whether to try the next ports when {@code port} is taken
 * @param memoryLimitBytes the member's cache memory limit, shared out among the data
 * classes
 * @param weddingPriority whether wedding data of upcoming weddings is evicted last
 * @param discovery how the member finds the others
 * @param shutdownTimeout the longest a graceful shutdown waits for partitions to migrate
 * @param placement the cloud discovery's filters and whether backups go to another zone
 * @param quorum the fewest members a side of a split needs to take writes of the
 * catalog's protected classes
 */
public record MemberSettings(String clusterName, List<String> members, String bindAddress, int port,
        boolean portAutoIncrement, long memoryLimitBytes, boolean weddingPriority, Discovery discovery,
        Duration shutdownTimeout, Placement placement, Quorum quorum) {

    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /**
     * Validates the settings.
     * @throws InvalidFieldException naming the field and the value when one is out of
     * range
     * @throws NullPointerException naming the field when one is missing
     */
    public MemberSettings {
        Objects.requireNonNull(clusterName, "clusterName is missing");
        if (!CLUSTER_NAME.matcher(clusterName).matches()) {
            throw InvalidFieldException.of("clusterName", "'" + clusterName + "'",
                    "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        members = List.copyOf(Objects.requireNonNull(members, "members is missing"));
        Objects.requireNonNull(bindAddress, "bindAddress is missing");
        if (port < 1 || port > 65535) {
            throw InvalidFieldException.of("port", String.valueOf(port), "must be between 1 and 65535");
        }
        if (memoryLimitBytes <= 0) {
            throw InvalidFieldException.of("memoryLimitBytes", String.valueOf(memoryLimitBytes), "must be positive");
        }
        Objects.requireNonNull(discovery, "discovery is missing");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout is missing");
        if (shutdownTimeout.toSeconds() < 1) {
            throw InvalidFieldException.of("shutdownTimeout", String.valueOf(shutdownTimeout), "must be at least 1s");
        }
        Objects.requireNonNull(placement, "placement is missing; use Placement.NONE");
        if (placement.zoneAware() && discovery == Discovery.TCP_IP) {
            throw InvalidFieldException.worded("placement", "zone-aware placement needs the aws or kubernetes"
                    + " discovery, which tell each member its zone; discovery is " + discovery);
        }
        Objects.requireNonNull(quorum, "quorum is missing; use Quorum.OFF");
    }

    /**
     * Returns a builder whose defaults are the settings of a node started with no
     * environment: cluster {@code wedsync-grid}, members and bind address
     * {@code 127.0.0.1}, port 5701 (and the next ones if taken), 256 MiB of cache memory,
     * wedding priority on, TCP/IP discovery, a 45 s shutdown, no placement, no quorum.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these settings, to change some of them.
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().clusterName(this.clusterName)
            .members(this.members)
            .bindAddress(this.bindAddress)
            .port(this.port)
            .portAutoIncrement(this.portAutoIncrement)
            .memoryLimitBytes(this.memoryLimitBytes)
            .weddingPriority(this.weddingPriority)
            .discovery(this.discovery)
            .shutdownTimeout(this.shutdownTimeout)
            .placement(this.placement)
            .quorum(this.quorum);
    }

    /**
     * Returns settings for a one-member grid on loopback, the defaults of a node started
     * with no environment.
     * @param clusterName the cluster name
     * @param memoryLimitBytes the cache memory limit
     * @return the settings
     */
    public static MemberSettings loopback(String clusterName, long memoryLimitBytes) {
        return builder().clusterName(clusterName).memoryLimitBytes(memoryLimitBytes).build();
    }

    /**
     * Returns a copy that binds to another port.
     * @param newPort the port
     * @param autoIncrement whether later ports may be tried
     * @return the copy
     */
    public MemberSettings withPort(int newPort, boolean autoIncrement) {
        return toBuilder().port(newPort).portAutoIncrement(autoIncrement).build();
    }

    /**
     * Returns a copy that looks for members at other addresses.
     * @param newMembers the addresses
     * @return the copy
     */
    public MemberSettings withMembers(List<String> newMembers) {
        return toBuilder().members(newMembers).build();
    }

    /**
     * Returns a copy with another split-brain protection.
     * @param newQuorum the quorum, or {@link Quorum#OFF}
     * @return the copy
     */
    public MemberSettings withQuorum(Quorum newQuorum) {
        return toBuilder().quorum(newQuorum).build();
    }

    /**
     * Collects {@link MemberSettings}; {@link #build()} validates them. Each setter
     * returns the builder.
     */
    public static final class Builder {

        private String clusterName = "wedsync-grid";

        private List<String> members = List.of("127.0.0.1");

        private String bindAddress = "127.0.0.1";

        private int port = 5701;

        private boolean portAutoIncrement = true;

        private long memoryLimitBytes = 256L << 20;

        private boolean weddingPriority = true;

        private Discovery discovery = Discovery.TCP_IP;

        private Duration shutdownTimeout = Duration.ofSeconds(45);

        private Placement placement = Placement.NONE;

        private Quorum quorum = Quorum.OFF;

        private Builder() {
        }

        /**
         * Sets the cluster to join.
         * @param value see {@link MemberSettings#clusterName()}
         * @return this builder
         */
        public Builder clusterName(String value) {
            this.clusterName = value;
            return this;
        }

        /**
         * Sets where to look for the other members.
         * @param value see {@link MemberSettings#members()}
         * @return this builder
         */
        public Builder members(List<String> value) {
            this.members = value;
            return this;
        }

        /**
         * Sets the interface to bind to.
         * @param value see {@link MemberSettings#bindAddress()}
         * @return this builder
         */
        public Builder bindAddress(String value) {
            this.bindAddress = value;
            return this;
        }

        /**
         * Sets the first port to try.
         * @param value see {@link MemberSettings#port()}
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Sets whether the next ports may be tried.
         * @param value see {@link MemberSettings#portAutoIncrement()}
         * @return this builder
         */
        public Builder portAutoIncrement(boolean value) {
            this.portAutoIncrement = value;
            return this;
        }

        /**
         * Sets the cache memory limit.
         * @param value see {@link MemberSettings#memoryLimitBytes()}
         * @return this builder
         */
        public Builder memoryLimitBytes(long value) {
            this.memoryLimitBytes = value;
            return this;
        }

        /**
         * Sets whether upcoming weddings' data is evicted last.
         * @param value see {@link MemberSettings#weddingPriority()}
         * @return this builder
         */
        public Builder weddingPriority(boolean value) {
            this.weddingPriority = value;
            return this;
        }

        /**
         * Sets how the member finds the others.
         * @param value see {@link MemberSettings#discovery()}
         * @return this builder
         */
        public Builder discovery(Discovery value) {
            this.discovery = value;
            return this;
        }

        /**
         * Sets the longest graceful shutdown.
         * @param value see {@link MemberSettings#shutdownTimeout()}
         * @return this builder
         */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
            return this;
        }

        /**
         * Sets the cloud discovery's filters and the backups' placement.
         * @param value see {@link MemberSettings#placement()}
         * @return this builder
         */
        public Builder placement(Placement value) {
            this.placement = value;
            return this;
        }

        /**
         * Sets the split-brain protection.
         * @param value see {@link MemberSettings#quorum()}
         * @return this builder
         */
        public Builder quorum(Quorum value) {
            this.quorum = value;
            return this;
        }

        /**
         * Validates and returns the settings.
         * @return the settings
         * @throws InvalidFieldException naming the field and the value when one is out of
         * range
         * @throws NullPointerException naming the field when one is missing
         */
        public MemberSettings build() {
            return new MemberSettings(this.clusterName, this.members, this.bindAddress, this.port,
                    this.portAutoIncrement, this.memoryLimitBytes, this.weddingPriority, this.discovery,
                    this.shutdownTimeout, this.placement, this.quorum);
        }

    }
}

package com.wedsync.grid.client;

import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link GridClient} reaches the grid and treats values. Immutable and validated;
 * start from {@link #builder()} (or {@link #defaults()} and the {@code with...} methods)
 * and set only what differs.
 *
 * @param clusterName the cluster to connect to
 * @param members {@code host[:port]} addresses of members to connect to first (smart
 * routing then reaches all)
 * @param connectTimeout how long {@link GridClient#connect} tries to reach the cluster
 * before it gives up; once connected, the client reconnects by itself after an outage of
 * any length
 * @param operationTimeout how long one operation may take, retries included, before it
 * fails
 * @param compressionThreshold values whose serialized form is larger than this many bytes
 * are stored LZ4-compressed
 * @param maxValueBytes the largest value accepted, in bytes after compression
 * @param maxUncompressedValueBytes the largest value accepted, in bytes of its serialized
 * form before compression (at least {@code maxValueBytes}); a reader allocates no more
 * than this to decode a stored value
 * @param negativeCacheTtl how long {@code getOrLoad} remembers that the loader found
 * nothing; zero to never
 * @param refreshAhead the share of an entry's TTL, at its end, in which {@code getOrLoad}
 * reloads it in the background (with jitter); zero to never
 * @param loadTimeout how long a caller waits for another caller's load of the same key
 * @param sampleInterval how often the client shares what it saw (reads by layer, writes,
 * errors, timeouts, latencies per data class) with the cluster, between
 * {@link #MIN_SAMPLE_INTERVAL} and {@link #MAX_SAMPLE_INTERVAL}
 * @param deserializationAllowList the classes (exact names) and packages (prefixes ending
 * in {@code .}) whose Java-serialized values the client may deserialize, besides
 * {@code java.lang.}, {@code java.util.}, {@code java.time.}, {@code java.math.} and
 * arrays, which it always may; a value of any other class is refused with
 * {@link ValueClassNotAllowedException} before its {@code readObject} runs, so that
 * whoever can write to the grid cannot run code in the services that read it. Name the
 * packages of the {@code Serializable} types a service caches; values serialized by
 * Hazelcast itself (strings, numbers, byte arrays, Compact) need nothing
 * @param catalog the data classes
 * @param clock the clock of the TTL policy
 */
public record GridClientSettings(String clusterName, List<String> members, Duration connectTimeout,
        Duration operationTimeout, int compressionThreshold, int maxValueBytes, int maxUncompressedValueBytes,
        Duration negativeCacheTtl, double refreshAhead, Duration loadTimeout, Duration sampleInterval,
        List<String> deserializationAllowList, Catalog catalog, Clock clock) {

    /** The shortest {@link #sampleInterval}. */
    public static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(100);

    /** The longest {@link #sampleInterval}. */
    public static final Duration MAX_SAMPLE_INTERVAL = Duration.ofMinutes(1);

    /** The most entries {@link #deserializationAllowList} may hold. */
    public static final int MAX_ALLOW_LIST_ENTRIES = 1000;

    /** A class name, or a package prefix ending in a dot. */
    private static final String ALLOW_LIST = "deserializationAllowList";

    private static final Pattern ALLOW_LIST_ENTRY = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*\\.?");

    /**
     * Validates the settings.
     * @throws InvalidFieldException naming the field and the value when one is out of
     * range
     * @throws NullPointerException naming the field when one is missing
     */
    public GridClientSettings {
        Objects.requireNonNull(clusterName, "clusterName is missing");
        if (clusterName.isBlank()) {
            throw InvalidFieldException.of("clusterName", "'" + clusterName + "'", "must not be blank");
        }
        members = List.copyOf(Objects.requireNonNull(members, "members is missing"));
        if (members.isEmpty()) {
            throw InvalidFieldException.of("members", "[]", "must list at least one host[:port]");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("operationTimeout", operationTimeout);
        requirePositive("loadTimeout", loadTimeout);
        Objects.requireNonNull(sampleInterval, "sampleInterval is missing");
        if (sampleInterval.compareTo(MIN_SAMPLE_INTERVAL) < 0 || sampleInterval.compareTo(MAX_SAMPLE_INTERVAL) > 0) {
            throw InvalidFieldException.of("sampleInterval", Durations.format(sampleInterval), "must lie between "
                    + Durations.format(MIN_SAMPLE_INTERVAL) + " and " + Durations.format(MAX_SAMPLE_INTERVAL));
        }
        if (compressionThreshold < 0) {
            throw InvalidFieldException.of("compressionThreshold", String.valueOf(compressionThreshold),
                    "must not be negative");
        }
        if (maxValueBytes < 1) {
            throw InvalidFieldException.of("maxValueBytes", String.valueOf(maxValueBytes), "must be positive");
        }
        if (maxUncompressedValueBytes < maxValueBytes) {
            throw InvalidFieldException.of("maxUncompressedValueBytes", String.valueOf(maxUncompressedValueBytes),
                    "must be at least maxValueBytes (" + maxValueBytes + ")");
        }
        Objects.requireNonNull(negativeCacheTtl, "negativeCacheTtl is missing");
        if (negativeCacheTtl.isNegative()) {
            throw InvalidFieldException.of("negativeCacheTtl", String.valueOf(negativeCacheTtl),
                    "must not be negative");
        }
        if (!(refreshAhead >= 0 && refreshAhead < 1)) {
            throw InvalidFieldException.of("refreshAhead", String.valueOf(refreshAhead),
                    "must be at least 0 and below 1");
        }
        deserializationAllowList = checkedAllowList(deserializationAllowList);
        Objects.requireNonNull(catalog, "catalog is missing");
        Objects.requireNonNull(clock, "clock is missing");
    }

    /**
     * Returns the defaults: cluster {@code wedsync-grid} on {@code 127.0.0.1}, 10 s to
     * connect, 5 s per operation, compression above 1 KiB, values up to 1 MiB (16 MiB
     * before compression), no negative caching, no refresh-ahead, a sample every 5 s,
     * Java deserialization of the JDK's basic types only, the shipped catalog and the
     * system clock.
     * @return the default settings
     */
    public static GridClientSettings defaults() {
        return builder().build();
    }

    /**
     * Returns a builder holding the {@link #defaults()}.
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
        Builder builder = new Builder();
        builder.clusterName = this.clusterName;
        builder.members = this.members;
        builder.connectTimeout = this.connectTimeout;
        builder.operationTimeout = this.operationTimeout;
        builder.compressionThreshold = this.compressionThreshold;
        builder.maxValueBytes = this.maxValueBytes;
        builder.maxUncompressedValueBytes = this.maxUncompressedValueBytes;
        builder.negativeCacheTtl = this.negativeCacheTtl;
        builder.refreshAhead = this.refreshAhead;
        builder.loadTimeout = this.loadTimeout;
        builder.sampleInterval = this.sampleInterval;
        builder.deserializationAllowList = this.deserializationAllowList;
        builder.catalog = this.catalog;
        builder.clock = this.clock;
        return builder;
    }

    /**
     * Returns a copy for another cluster.
     * @param newClusterName the cluster name
     * @param newMembers the member addresses
     * @return the copy
     */
    public GridClientSettings withCluster(String newClusterName, List<String> newMembers) {
        return toBuilder().clusterName(newClusterName).members(newMembers).build();
    }

    /**
     * Returns a copy with other timeouts.
     * @param newConnectTimeout how long connecting may take
     * @param newOperationTimeout how long one operation may take
     * @return the copy
     */
    public GridClientSettings withTimeouts(Duration newConnectTimeout, Duration newOperationTimeout) {
        return toBuilder().connectTimeout(newConnectTimeout).operationTimeout(newOperationTimeout).build();
    }

    /**
     * Returns a copy with other value limits, keeping the limit before compression unless
     * it falls below the new {@code maxValueBytes}, which it then becomes.
     * @param newCompressionThreshold bytes above which values are compressed
     * @param newMaxValueBytes the largest value accepted after compression
     * @return the copy
     */
    public GridClientSettings withValueLimits(int newCompressionThreshold, int newMaxValueBytes) {
        return withValueLimits(newCompressionThreshold, newMaxValueBytes,
                Math.max(this.maxUncompressedValueBytes, newMaxValueBytes));
    }

    /**
     * Returns a copy with other value limits.
     * @param newCompressionThreshold bytes above which values are compressed
     * @param newMaxValueBytes the largest value accepted after compression
     * @param newMaxUncompressedValueBytes the largest value accepted before compression
     * @return the copy
     */
    public GridClientSettings withValueLimits(int newCompressionThreshold, int newMaxValueBytes,
            int newMaxUncompressedValueBytes) {
        return toBuilder().compressionThreshold(newCompressionThreshold)
            .maxValueBytes(newMaxValueBytes)
            .maxUncompressedValueBytes(newMaxUncompressedValueBytes)
            .build();
    }

    /**
     * Returns a copy with other loading behaviour.
     * @param newNegativeCacheTtl how long a load that found nothing is remembered; zero
     * to never
     * @param newRefreshAhead the share of the TTL at its end in which hot entries reload;
     * zero to never
     * @return the copy
     */
    public GridClientSettings withLoading(Duration newNegativeCacheTtl, double newRefreshAhead) {
        return toBuilder().negativeCacheTtl(newNegativeCacheTtl).refreshAhead(newRefreshAhead).build();
    }

    /**
     * Returns a copy with another load timeout.
     * @param newLoadTimeout how long a caller waits for another caller's load of the same
     * key
     * @return the copy
     */
    public GridClientSettings withLoadTimeout(Duration newLoadTimeout) {
        return toBuilder().loadTimeout(newLoadTimeout).build();
    }

    /**
     * Returns a copy that shares what it saw at another interval.
     * @param newSampleInterval how often the client shares its figures with the cluster
     * @return the copy
     */
    public GridClientSettings withSampleInterval(Duration newSampleInterval) {
        return toBuilder().sampleInterval(newSampleInterval).build();
    }

    /**
     * Returns a copy that may deserialize more classes.
     * @param newDeserializationAllowList class names and package prefixes (ending in
     * {@code .}) besides the JDK's basic types
     * @return the copy
     */
    public GridClientSettings withDeserializationAllowList(List<String> newDeserializationAllowList) {
        return toBuilder().deserializationAllowList(newDeserializationAllowList).build();
    }

    /**
     * Returns a copy with another catalog and clock.
     * @param newCatalog the catalog
     * @param newClock the clock of the TTL policy
     * @return the copy
     */
    public GridClientSettings withCatalog(Catalog newCatalog, Clock newClock) {
        return toBuilder().catalog(newCatalog).clock(newClock).build();
    }

    /**
     * Collects {@link GridClientSettings}, starting from the {@link #defaults()};
     * {@link #build()} validates them. Each setter's value is described at the record
     * component of the same name; each returns the builder.
     */
    public static final class Builder {

        private String clusterName = "wedsync-grid";

        private List<String> members = List.of("127.0.0.1");

        private Duration connectTimeout = Duration.ofSeconds(10);

        private Duration operationTimeout = Duration.ofSeconds(5);

        private int compressionThreshold = 1024;

        private int maxValueBytes = 1024 * 1024;

        private int maxUncompressedValueBytes = 16 * 1024 * 1024;

        private Duration negativeCacheTtl = Duration.ZERO;

        private double refreshAhead;

        private Duration loadTimeout = Duration.ofSeconds(30);

        private Duration sampleInterval = Duration.ofSeconds(5);

        private List<String> deserializationAllowList = List.of();

        private Catalog catalog;

        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets {@link GridClientSettings#clusterName()}.
         * @param value the value
         * @return this builder
         */
        public Builder clusterName(String value) {
            this.clusterName = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#members()}.
         * @param value the value
         * @return this builder
         */
        public Builder members(List<String> value) {
            this.members = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#connectTimeout()}.
         * @param value the value
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#operationTimeout()}.
         * @param value the value
         * @return this builder
         */
        public Builder operationTimeout(Duration value) {
            this.operationTimeout = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#compressionThreshold()}.
         * @param value the value
         * @return this builder
         */
        public Builder compressionThreshold(int value) {
            this.compressionThreshold = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#maxValueBytes()}.
         * @param value the value
         * @return this builder
         */
        public Builder maxValueBytes(int value) {
            this.maxValueBytes = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#maxUncompressedValueBytes()}.
         * @param value the value
         * @return this builder
         */
        public Builder maxUncompressedValueBytes(int value) {
            this.maxUncompressedValueBytes = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#negativeCacheTtl()}.
         * @param value the value
         * @return this builder
         */
        public Builder negativeCacheTtl(Duration value) {
            this.negativeCacheTtl = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#refreshAhead()}.
         * @param value the value
         * @return this builder
         */
        public Builder refreshAhead(double value) {
            this.refreshAhead = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#loadTimeout()}.
         * @param value the value
         * @return this builder
         */
        public Builder loadTimeout(Duration value) {
            this.loadTimeout = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#sampleInterval()}.
         * @param value the value
         * @return this builder
         */
        public Builder sampleInterval(Duration value) {
            this.sampleInterval = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#deserializationAllowList()}.
         * @param value the value
         * @return this builder
         */
        public Builder deserializationAllowList(List<String> value) {
            this.deserializationAllowList = value;
            return this;
        }

        /**
         * Sets {@link GridClientSettings#catalog()}.
         * @param value the value
         * @return this builder
         */
        public Builder catalog(Catalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog is missing");
            return this;
        }

        /**
         * Sets {@link GridClientSettings#clock()}.
         * @param value the value
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Validates and returns the settings; unless a catalog was set, with the shipped
         * one.
         * @return the settings
         * @throws InvalidFieldException naming the field and the value when one is out of
         * range
         * @throws NullPointerException naming the field when one is missing
         */
        public GridClientSettings build() {
            Catalog chosen = (this.catalog != null) ? this.catalog : CatalogLoader.loadDefault();
            return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                    this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes,
                    this.negativeCacheTtl, this.refreshAhead, this.loadTimeout, this.sampleInterval,
                    this.deserializationAllowList, chosen, this.clock);
        }

    }

    private static List<String> checkedAllowList(List<String> entries) {
        Objects.requireNonNull(entries, "deserializationAllowList is missing");
        if (entries.size() > MAX_ALLOW_LIST_ENTRIES) {
            throw InvalidFieldException.worded(ALLOW_LIST, "deserializationAllowList has " + entries.size()
                    + " entries; at most " + MAX_ALLOW_LIST_ENTRIES + " are accepted");
        }
        for (String entry : entries) {
            if (entry == null || !ALLOW_LIST_ENTRY.matcher(entry).matches()) {
                throw InvalidFieldException.worded(ALLOW_LIST, "deserializationAllowList entry " + quoted(entry)
                        + " is neither a class name nor a package prefix ending in '.' (no wildcards)");
            }
            if (entry.endsWith(".") && entry.indexOf('.') == entry.length() - 1) {
                throw InvalidFieldException.worded(ALLOW_LIST, ALLOW_LIST + " entry '" + entry + "' is too broad:"
                        + " name a package of at least two parts, such as 'com.example.'");
            }
        }
        return List.copyOf(entries);
    }

    private static String quoted(String entry) {
        if (entry == null) {
            return "null";
        }
        return "'" + ((entry.length() > 200) ? entry.substring(0, 200) + "...' (" + entry.length() + " characters)"
                : entry + "'");
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, () -> field + " is missing");
        if (value.isNegative() || value.isZero()) {
            throw InvalidFieldException.of(field, String.valueOf(value), "must be positive");
        }
    }
}

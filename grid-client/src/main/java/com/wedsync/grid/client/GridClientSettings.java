package com.wedsync.grid.client;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link GridClient} reaches the grid and treats values. Immutable and validated; start from
 * {@link #defaults()} and change what differs with the {@code with...} methods.
 *
 * @param clusterName the cluster to connect to
 * @param members {@code host[:port]} addresses of members to connect to first (smart routing then reaches all)
 * @param connectTimeout how long {@link GridClient#connect} tries to reach the cluster before it gives up; once
 *     connected, the client reconnects by itself after an outage of any length
 * @param operationTimeout how long one operation may take, retries included, before it fails
 * @param compressionThreshold values whose serialized form is larger than this many bytes are stored
 *     LZ4-compressed
 * @param maxValueBytes the largest value accepted, in bytes after compression
 * @param maxUncompressedValueBytes the largest value accepted, in bytes of its serialized form before compression
 *     (at least {@code maxValueBytes}); a reader allocates no more than this to decode a stored value
 * @param negativeCacheTtl how long {@code getOrLoad} remembers that the loader found nothing; zero to never
 * @param refreshAhead the share of an entry's TTL, at its end, in which {@code getOrLoad} reloads it in the
 *     background (with jitter); zero to never
 * @param loadTimeout how long a caller waits for another caller's load of the same key
 * @param deserializationAllowList the classes (exact names) and packages (prefixes ending in {@code .}) whose
 *     Java-serialized values the client may deserialize, besides {@code java.lang.}, {@code java.util.},
 *     {@code java.time.}, {@code java.math.} and arrays, which it always may; a value of any other class is refused
 *     with {@link ValueClassNotAllowedException} before its {@code readObject} runs, so that whoever can write to
 *     the grid cannot run code in the services that read it. Name the packages of the {@code Serializable} types a
 *     service caches; values serialized by Hazelcast itself (strings, numbers, byte arrays, Compact) need nothing
 * @param catalog the data classes
 * @param clock the clock of the TTL policy
 */
public record GridClientSettings(String clusterName, List<String> members, Duration connectTimeout,
        Duration operationTimeout, int compressionThreshold, int maxValueBytes, int maxUncompressedValueBytes,
        Duration negativeCacheTtl,
        double refreshAhead, Duration loadTimeout, List<String> deserializationAllowList, Catalog catalog,
        Clock clock) {

    /** The most entries {@link #deserializationAllowList} may hold. */
    public static final int MAX_ALLOW_LIST_ENTRIES = 1000;

    /** A class name, or a package prefix ending in a dot. */
    private static final Pattern ALLOW_LIST_ENTRY = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*\\.?");

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the field and the value when one is missing or out of range
     */
    public GridClientSettings {
        Objects.requireNonNull(clusterName, "clusterName is missing");
        if (clusterName.isBlank()) {
            throw new IllegalArgumentException("clusterName must not be blank");
        }
        members = List.copyOf(Objects.requireNonNull(members, "members is missing"));
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must list at least one host[:port]");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("operationTimeout", operationTimeout);
        requirePositive("loadTimeout", loadTimeout);
        if (compressionThreshold < 0) {
            throw new IllegalArgumentException(
                    "compressionThreshold (" + compressionThreshold + ") must not be negative");
        }
        if (maxValueBytes < 1) {
            throw new IllegalArgumentException("maxValueBytes (" + maxValueBytes + ") must be positive");
        }
        if (maxUncompressedValueBytes < maxValueBytes) {
            throw new IllegalArgumentException("maxUncompressedValueBytes (" + maxUncompressedValueBytes
                    + ") must be at least maxValueBytes (" + maxValueBytes + ")");
        }
        Objects.requireNonNull(negativeCacheTtl, "negativeCacheTtl is missing");
        if (negativeCacheTtl.isNegative()) {
            throw new IllegalArgumentException("negativeCacheTtl (" + negativeCacheTtl + ") must not be negative");
        }
        if (!(refreshAhead >= 0 && refreshAhead < 1)) {
            throw new IllegalArgumentException("refreshAhead (" + refreshAhead + ") must be at least 0 and below 1");
        }
        deserializationAllowList = checkedAllowList(deserializationAllowList);
        Objects.requireNonNull(catalog, "catalog is missing");
        Objects.requireNonNull(clock, "clock is missing");
    }

    /**
     * Returns the defaults: cluster {@code wedsync-grid} on {@code 127.0.0.1}, 10 s to connect, 5 s per
     * operation, compression above 1 KiB, values up to 1 MiB (16 MiB before compression), no negative caching, no
     * refresh-ahead, Java deserialization of the JDK's basic types only, the shipped catalog and the system clock.
     * @return the default settings
     */
    public static GridClientSettings defaults() {
        return new GridClientSettings("wedsync-grid", List.of("127.0.0.1"), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 1024, 1024 * 1024, 16 * 1024 * 1024, Duration.ZERO, 0, Duration.ofSeconds(30),
                List.of(), CatalogLoader.loadDefault(), Clock.systemUTC());
    }

    /**
     * Returns a copy for another cluster.
     * @param newClusterName the cluster name
     * @param newMembers the member addresses
     * @return the copy
     */
    public GridClientSettings withCluster(String newClusterName, List<String> newMembers) {
        return new GridClientSettings(newClusterName, newMembers, this.connectTimeout, this.operationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, this.loadTimeout, this.deserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy with other timeouts.
     * @param newConnectTimeout how long connecting may take
     * @param newOperationTimeout how long one operation may take
     * @return the copy
     */
    public GridClientSettings withTimeouts(Duration newConnectTimeout, Duration newOperationTimeout) {
        return new GridClientSettings(this.clusterName, this.members, newConnectTimeout, newOperationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, this.loadTimeout, this.deserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy with other value limits, keeping the limit before compression unless it falls below the new
     * {@code maxValueBytes}, which it then becomes.
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
        return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                newCompressionThreshold, newMaxValueBytes, newMaxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, this.loadTimeout, this.deserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy with other loading behaviour.
     * @param newNegativeCacheTtl how long a load that found nothing is remembered; zero to never
     * @param newRefreshAhead the share of the TTL at its end in which hot entries reload; zero to never
     * @return the copy
     */
    public GridClientSettings withLoading(Duration newNegativeCacheTtl, double newRefreshAhead) {
        return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, newNegativeCacheTtl,
                newRefreshAhead, this.loadTimeout, this.deserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy with another load timeout.
     * @param newLoadTimeout how long a caller waits for another caller's load of the same key
     * @return the copy
     */
    public GridClientSettings withLoadTimeout(Duration newLoadTimeout) {
        return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, newLoadTimeout, this.deserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy that may deserialize more classes.
     * @param newDeserializationAllowList class names and package prefixes (ending in {@code .}) besides the JDK's
     *     basic types
     * @return the copy
     */
    public GridClientSettings withDeserializationAllowList(List<String> newDeserializationAllowList) {
        return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, this.loadTimeout, newDeserializationAllowList, this.catalog, this.clock);
    }

    /**
     * Returns a copy with another catalog and clock.
     * @param newCatalog the catalog
     * @param newClock the clock of the TTL policy
     * @return the copy
     */
    public GridClientSettings withCatalog(Catalog newCatalog, Clock newClock) {
        return new GridClientSettings(this.clusterName, this.members, this.connectTimeout, this.operationTimeout,
                this.compressionThreshold, this.maxValueBytes, this.maxUncompressedValueBytes, this.negativeCacheTtl,
                this.refreshAhead, this.loadTimeout, this.deserializationAllowList, newCatalog, newClock);
    }

    private static List<String> checkedAllowList(List<String> entries) {
        Objects.requireNonNull(entries, "deserializationAllowList is missing");
        if (entries.size() > MAX_ALLOW_LIST_ENTRIES) {
            throw new IllegalArgumentException("deserializationAllowList has " + entries.size()
                    + " entries; at most " + MAX_ALLOW_LIST_ENTRIES + " are accepted");
        }
        for (String entry : entries) {
            if (entry == null || !ALLOW_LIST_ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("deserializationAllowList entry " + quoted(entry)
                        + " is neither a class name nor a package prefix ending in '.' (no wildcards)");
            }
            if (entry.endsWith(".") && entry.indexOf('.') == entry.length() - 1) {
                throw new IllegalArgumentException("deserializationAllowList entry '" + entry + "' is too broad:"
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
            throw new IllegalArgumentException(field + " (" + value + ") must be positive");
        }
    }
}

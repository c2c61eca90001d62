package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the {@code GridClient} of a Spring application reaches the grid and treats values:
 * the {@code grid.client.*} properties. Relaxed binding reads them from environment
 * variables too, for example {@code GRID_CLIENT_CLUSTERNAME}, {@code GRID_CLIENT_MEMBERS}
 * or {@code GRID_CLIENT_COMPRESSIONTHRESHOLD}. The contract variable
 * {@code CACHE_COMPRESSION_THRESHOLD} sets {@code compression-threshold} when nothing
 * else does. Every value is checked as it is bound: a bad one fails the start with a
 * message that names the property and the value.
 *
 * @param clusterName the cluster to connect to
 * @param members host[:port] addresses of the members to connect to first
 * @param connectTimeout how long the start waits to reach the cluster before it fails
 * @param operationTimeout how long one cache operation may take, retries included, before
 * it fails
 * @param compressionThreshold larger serialized values are stored LZ4-compressed; the
 * contract variable CACHE_COMPRESSION_THRESHOLD sets it too, below every other source
 * @param maxValueSize the largest value accepted, after compression
 * @param maxUncompressedValueSize the largest value accepted before compression; at least
 * max-value-size
 * @param negativeCacheTtl how long getOrLoad remembers that a load found nothing; 0s to
 * never
 * @param refreshAhead the final share of an entry's TTL in which getOrLoad reloads it in
 * the background; 0 to never
 * @param loadTimeout how long a caller waits for another caller's load of the same key
 * @param sampleInterval how often the client shares what it saw (reads by layer, writes,
 * errors, timeouts, latencies per data class) with the cluster; 100ms to 1m
 * @param deserializationAllowList classes and packages (ending in {@code .}) of the
 * {@code Serializable} values the service caches, besides the JDK's basic types; a value
 * of any other class is refused when read
 */
@ConfigurationProperties(GridClientProperties.PREFIX)
public record GridClientProperties(@DefaultValue("wedsync-grid") String clusterName,
        @DefaultValue("127.0.0.1") List<String> members, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("5s") Duration operationTimeout, @DefaultValue("1KB") DataSize compressionThreshold,
        @DefaultValue("1MB") DataSize maxValueSize, @DefaultValue("16MB") DataSize maxUncompressedValueSize,
        @DefaultValue("0s") Duration negativeCacheTtl, @DefaultValue("0") double refreshAhead,
        @DefaultValue("30s") Duration loadTimeout, @DefaultValue("5s") Duration sampleInterval,
        List<String> deserializationAllowList) {

    /** The prefix of the properties. */
    public static final String PREFIX = "grid.client";

    /**
     * Validates the properties.
     * @throws InvalidFieldException naming the property (as its field) and the value when
     * one is missing or out of range
     */
    public GridClientProperties {
        if (clusterName == null || clusterName.isBlank()) {
            throw invalid("cluster-name", clusterName, "must not be blank");
        }
        if (members == null || members.isEmpty() || members.stream().anyMatch((m) -> m == null || m.isBlank())) {
            throw invalid("members", members, "must list host[:port] addresses, none blank");
        }
        members = List.copyOf(members);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("operation-timeout", operationTimeout);
        requirePositive("load-timeout", loadTimeout);
        requirePositive("sample-interval", sampleInterval);
        requireBytes("compression-threshold", compressionThreshold, 0);
        requireBytes("max-value-size", maxValueSize, 1);
        requireBytes("max-uncompressed-value-size", maxUncompressedValueSize, 1);
        if (maxUncompressedValueSize.toBytes() < maxValueSize.toBytes()) {
            throw invalid("max-uncompressed-value-size", maxUncompressedValueSize,
                    "must be at least max-value-size (" + maxValueSize + ")");
        }
        if (negativeCacheTtl == null || negativeCacheTtl.isNegative()) {
            throw invalid("negative-cache-ttl", negativeCacheTtl, "must be 0s or more");
        }
        if (!(refreshAhead >= 0 && refreshAhead < 1)) {
            throw invalid("refresh-ahead", refreshAhead, "must be at least 0 and below 1");
        }
        // a stream, not contains(null): the immutable lists of List.of throw on a null
        // query
        if (deserializationAllowList != null && deserializationAllowList.stream().anyMatch(Objects::isNull)) {
            throw invalid("deserialization-allow-list", deserializationAllowList, "must not hold an empty entry");
        }
        // the entries themselves are checked by toSettings, as GridClientSettings checks
        // them
        deserializationAllowList = (deserializationAllowList != null) ? List.copyOf(deserializationAllowList)
                : List.of();
    }

    /**
     * Returns the client settings these properties describe, with the shipped catalog and
     * the system clock.
     * @return the settings
     * @throws InvalidFieldException naming the property (as its field) when the settings
     * refuse its value (an allow-list entry, say, which only the settings check)
     */
    public GridClientSettings toSettings() {
        try {
            return GridClientSettings.builder()
                .clusterName(this.clusterName)
                .members(this.members)
                .connectTimeout(this.connectTimeout)
                .operationTimeout(this.operationTimeout)
                .compressionThreshold((int) this.compressionThreshold.toBytes())
                .maxValueBytes((int) this.maxValueSize.toBytes())
                .maxUncompressedValueBytes((int) this.maxUncompressedValueSize.toBytes())
                .negativeCacheTtl(this.negativeCacheTtl)
                .refreshAhead(this.refreshAhead)
                .loadTimeout(this.loadTimeout)
                .sampleInterval(this.sampleInterval)
                .deserializationAllowList(this.deserializationAllowList)
                .build();
        }
        catch (InvalidFieldException ex) {
            // the settings name their field and the rule; say which property it came from
            String property = PREFIX + "." + property(ex.field());
            throw InvalidFieldException.worded(property, property + ": " + ex.getMessage());
        }
    }

    /**
     * The property a settings field is set from: its name in kebab case, the byte limits
     * named as sizes.
     */
    static String property(String field) {
        String kebab = field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return kebab.endsWith("-value-bytes") ? kebab.replace("-value-bytes", "-value-size") : kebab;
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(property, value, "must be positive");
        }
    }

    private static void requireBytes(String property, DataSize value, long min) {
        if (value == null || value.toBytes() < min || value.toBytes() > Integer.MAX_VALUE) {
            throw invalid(property, value, "must lie between " + min + "B and " + Integer.MAX_VALUE + "B");
        }
    }

    private static InvalidFieldException invalid(String property, Object value, String rule) {
        Object shown = (value instanceof Duration duration) ? Durations.format(duration) : value;
        return InvalidFieldException.of(PREFIX + "." + property, String.valueOf(shown), rule);
    }
}

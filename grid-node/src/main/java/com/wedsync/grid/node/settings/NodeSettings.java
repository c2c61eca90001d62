package com.wedsync.grid.node.settings;

import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.calendar.TrafficMultipliers;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.hazelcast.Discovery;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.config.hazelcast.Placement;
import com.wedsync.grid.config.hazelcast.Quorum;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.AlertRulesLoader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The node's settings, read once from the environment contract (see
 * docs/configuration.md) and validated as a whole before anything starts. With no
 * variable set, the node is a working one-member grid on loopback.
 *
 * @param member how the Hazelcast member joins, binds and shares out its memory
 * @param catalog the data classes, with any {@value #CATALOG_OVERRIDES} applied
 * @param httpPort the port of the actuator endpoints ({@code 0} picks a free one)
 * @param adminToken the bearer token the protected endpoints require (at least
 * {@value #MIN_ADMIN_TOKEN_LENGTH} characters, no white space); empty to serve them on
 * loopback only
 * @param alertRules the alert rules, with any {@value #ALERT_OVERRIDES} applied
 * @param alertWebhook where alerts are posted as JSON; empty for none
 * @param trafficMultipliers the traffic calendar's multipliers, with
 * {@code SATURDAY_BOOST_MULTIPLIER} and {@code WEDDING_SEASON_MULTIPLIER} applied
 */
public record NodeSettings(MemberSettings member, Catalog catalog, int httpPort, Optional<String> adminToken,
        AlertRules alertRules, Optional<URI> alertWebhook, TrafficMultipliers trafficMultipliers) {

    /** The cluster to join. */
    public static final String CLUSTER_NAME = "GRID_CLUSTER_NAME";

    /** Comma-separated {@code host[:port]} addresses of members, for TCP/IP discovery. */
    public static final String MEMBERS = "GRID_MEMBERS";

    /** The interface the member binds to and announces. */
    public static final String BIND_ADDRESS = "GRID_BIND_ADDRESS";

    /** The member's first port (the next ones are tried when taken). */
    public static final String PORT = "GRID_PORT";

    /** The HTTP port of the actuator. */
    public static final String HTTP_PORT = "GRID_HTTP_PORT";

    /** The member's cache memory limit, shared out among the data classes. */
    public static final String MEMORY_LIMIT = "GRID_MEMORY_LIMIT";

    /**
     * The bearer token of the protected endpoints, at least
     * {@value #MIN_ADMIN_TOKEN_LENGTH} characters.
     */
    public static final String ADMIN_TOKEN = "GRID_ADMIN_TOKEN";

    /** The shortest admin token accepted: a shorter one is too easy to guess. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Whether upcoming weddings' data is evicted last. */
    public static final String WEDDING_PRIORITY = "WEDDING_PRIORITY_ENABLED";

    /** tcp-ip, kubernetes or aws. */
    public static final String DISCOVERY = "GRID_DISCOVERY";

    /** The longest a graceful shutdown waits for partitions to migrate. */
    public static final String SHUTDOWN_TIMEOUT = "GRID_SHUTDOWN_TIMEOUT";

    /**
     * Catalog overrides as {@code field=value} pairs, for example
     * {@code wedding_data.backup-count=3}.
     */
    public static final String CATALOG_OVERRIDES = "GRID_CATALOG_OVERRIDES";

    /**
     * Alert-rule overrides as {@code rule.field=value} pairs, for example
     * {@code latency.critical=1.5ms}.
     */
    public static final String ALERT_OVERRIDES = "GRID_ALERT_OVERRIDES";

    /** The http(s) URL alerts and scaling changes are posted to as JSON. */
    public static final String ALERT_WEBHOOK = "GRID_ALERT_WEBHOOK";

    /** The EC2 tag key that marks the cluster's instances, for the aws discovery. */
    public static final String AWS_TAG_KEY = "GRID_AWS_TAG_KEY";

    /** The value of {@value #AWS_TAG_KEY}. */
    public static final String AWS_TAG_VALUE = "GRID_AWS_TAG_VALUE";

    /** The service whose endpoints are the members, for the kubernetes discovery. */
    public static final String KUBERNETES_SERVICE_NAME = "GRID_KUBERNETES_SERVICE_NAME";

    /** none or zone-aware: whether backups are kept in another zone than their owners. */
    public static final String PARTITION_GROUP = "GRID_PARTITION_GROUP";

    /**
     * The fewest members (at least 2) a side of a network split needs to accept writes of
     * the catalog's split-brain-protected classes (wedding_data); unset: no protection,
     * so a one-member grid takes writes.
     */
    public static final String QUORUM_MIN_MEMBERS = "GRID_QUORUM_MIN_MEMBERS";

    /**
     * How recent a member's last heartbeat must be for it to count towards
     * {@value #QUORUM_MIN_MEMBERS}: about how long a minority keeps accepting protected
     * writes after a split (4s by default; longer than the heartbeat interval, 1 s, and
     * shorter than the member timeout, 8 s (HazelcastConfigFactory), unless the JVM
     * changes those).
     */
    public static final String QUORUM_HEARTBEAT_TOLERANCE = "GRID_QUORUM_HEARTBEAT_TOLERANCE";

    /**
     * Variables of the original specification this node does not read, each with what to
     * set instead: a node given one refuses to start rather than ignore it.
     */
    static final Map<String, String> NOT_READ = Map.of("CACHE_MEMORY_LIMIT_GB",
            "is not read: set " + MEMORY_LIMIT + " instead (for example 4g)", "CACHE_TTL_SECONDS",
            "is not read: TTLs are per data class; set " + CATALOG_OVERRIDES
                    + " instead (for example wedding_data.ttl.base=24h)");

    /** The share of the heap the cache may use when {@value #MEMORY_LIMIT} is not set. */
    public static final int DEFAULT_MEMORY_PERCENT_OF_HEAP = 40;

    /**
     * Validates the settings.
     * @throws NullPointerException if a part is missing
     */
    public NodeSettings {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(alertRules, "alertRules");
        Objects.requireNonNull(alertWebhook, "alertWebhook");
        Objects.requireNonNull(trafficMultipliers, "trafficMultipliers");
    }

    /**
     * Reads and validates the settings.
     * @param environment looks a variable up by name; {@code null} or blank when unset
     * @param maxHeapBytes the JVM's maximum heap, which bounds the memory limit
     * @return the settings
     * @throws InvalidSettingException naming the variable and the value at fault
     */
    public static NodeSettings read(Function<String, String> environment, long maxHeapBytes) {
        Values values = new Values(environment);
        for (Map.Entry<String, String> unread : new TreeMap<>(NOT_READ).entrySet()) {
            String value = values.text(unread.getKey(), null);
            if (value != null) {
                throw new InvalidSettingException(unread.getKey(), value, unread.getValue());
            }
        }
        Catalog catalog = catalog(values);
        long defaultLimit = maxHeapBytes / 100 * DEFAULT_MEMORY_PERCENT_OF_HEAP;
        long memoryLimit = values.memorySize(MEMORY_LIMIT, defaultLimit);
        checkMemoryLimit(values.text(MEMORY_LIMIT, defaultLimit + " bytes"), memoryLimit, maxHeapBytes, catalog);
        String clusterName = values.text(CLUSTER_NAME, "wedsync-grid");
        String bindAddress = values.text(BIND_ADDRESS, "127.0.0.1");
        String problem = Values.addressProblem(bindAddress);
        if (problem != null || bindAddress.contains(":")) {
            throw new InvalidSettingException(BIND_ADDRESS, bindAddress, "is not an interface address");
        }
        Discovery discovery = values.choice(DISCOVERY, Discovery.TCP_IP, Discovery.class);
        Placement placement = placement(values, discovery);
        MemberSettings member;
        try {
            member = MemberSettings.builder()
                .clusterName(clusterName)
                .members(values.addresses(MEMBERS, bindAddress))
                .bindAddress(bindAddress)
                .port(values.port(PORT, 5701, 1))
                .memoryLimitBytes(memoryLimit)
                .weddingPriority(values.bool(WEDDING_PRIORITY, true))
                .discovery(discovery)
                .shutdownTimeout(values.duration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(45)))
                .placement(placement)
                .quorum(quorum(values))
                .build();
        }
        catch (InvalidFieldException ex) {
            throw memberSettingError(values, ex);
        }
        Optional<String> token = Optional.ofNullable(values.text(ADMIN_TOKEN, null));
        token.ifPresent(NodeSettings::checkAdminToken);
        return new NodeSettings(member, catalog, values.port(HTTP_PORT, 8080, 0), token, alertRules(values),
                webhook(values.text(ALERT_WEBHOOK, null)), multipliers(values));
    }

    /**
     * Refuses a token with white space or one short enough to guess; the error never
     * echoes the token.
     */
    private static void checkAdminToken(String token) {
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidSettingException(ADMIN_TOKEN, "<hidden>", "must not contain white space");
        }
        int length = token.codePointCount(0, token.length());
        if (length < MIN_ADMIN_TOKEN_LENGTH) {
            throw new InvalidSettingException(ADMIN_TOKEN, "<" + length + " characters>", "is too short; a token"
                    + " has at least " + MIN_ADMIN_TOKEN_LENGTH + " characters (for example `openssl rand -hex 32`)");
        }
    }

    private static Placement placement(Values values, Discovery discovery) {
        String tagKey = values.text(AWS_TAG_KEY, null);
        String tagValue = values.text(AWS_TAG_VALUE, null);
        String service = values.text(KUBERNETES_SERVICE_NAME, null);
        PartitionGroup group = values.choice(PARTITION_GROUP, PartitionGroup.NONE, PartitionGroup.class);
        if (group == PartitionGroup.ZONE_AWARE && discovery == Discovery.TCP_IP) {
            throw new InvalidSettingException(PARTITION_GROUP, values.text(PARTITION_GROUP, ""),
                    "needs GRID_DISCOVERY aws or kubernetes, which tell each member its zone");
        }
        if ((tagKey == null) != (tagValue == null)) {
            boolean keyGiven = tagKey != null;
            throw new InvalidSettingException(keyGiven ? AWS_TAG_KEY : AWS_TAG_VALUE, keyGiven ? tagKey : tagValue,
                    "needs " + (keyGiven ? AWS_TAG_VALUE : AWS_TAG_KEY) + " too");
        }
        check(AWS_TAG_KEY, tagKey, (value) -> new Placement(value, "x", null, false));
        check(AWS_TAG_VALUE, tagValue, (value) -> new Placement("x", value, null, false));
        check(KUBERNETES_SERVICE_NAME, service, (value) -> new Placement(null, null, value, false));
        return new Placement(tagKey, tagValue, service, group == PartitionGroup.ZONE_AWARE);
    }

    private static Quorum quorum(Values values) {
        Duration tolerance = values.duration(QUORUM_HEARTBEAT_TOLERANCE, Quorum.DEFAULT_HEARTBEAT_TOLERANCE);
        check(QUORUM_HEARTBEAT_TOLERANCE, values.text(QUORUM_HEARTBEAT_TOLERANCE, null),
                (value) -> new Quorum(0, tolerance));
        String text = values.text(QUORUM_MIN_MEMBERS, null);
        if (text == null) {
            return new Quorum(0, tolerance);
        }
        int minMembers;
        try {
            minMembers = Integer.parseInt(text);
        }
        catch (NumberFormatException ex) {
            throw new InvalidSettingException(QUORUM_MIN_MEMBERS, text, "is not a whole number of members (2 or more)");
        }
        if (minMembers < 2) {
            throw new InvalidSettingException(QUORUM_MIN_MEMBERS, text,
                    "must be at least 2 (leave it unset for no split-brain protection)");
        }
        checkHeartbeatTolerance(values.text(QUORUM_HEARTBEAT_TOLERANCE, "4s (the default)"), tolerance);
        return new Quorum(minMembers, tolerance);
    }

    /**
     * Hazelcast refuses, with a stack trace, a tolerance not below its member timeout;
     * one not above the heartbeat interval would count members out between two
     * heartbeats. Both are Hazelcast properties (system properties).
     */
    private static void checkHeartbeatTolerance(String text, Duration tolerance) {
        long interval = HazelcastConfigFactory.heartbeatIntervalSeconds();
        long timeout = HazelcastConfigFactory.memberTimeoutSeconds();
        if (tolerance.toMillis() <= interval * 1000 || tolerance.toMillis() >= timeout * 1000) {
            throw new InvalidSettingException(QUORUM_HEARTBEAT_TOLERANCE, text,
                    "must be longer than the heartbeat" + " interval (" + interval
                            + "s, hazelcast.heartbeat.interval.seconds) and shorter than the member" + " timeout ("
                            + timeout + "s, hazelcast.max.no.heartbeat.seconds)");
        }
    }

    /**
     * Names the variable behind a {@link MemberSettings} field that was refused.
     * @param values the environment
     * @param ex what the member settings refused, naming the field
     * @return the error naming the variable, its value and the rule broken
     */
    private static InvalidSettingException memberSettingError(Values values, InvalidFieldException ex) {
        String variable = MEMBER_FIELDS.get(ex.field());
        if (variable == null) {
            throw new IllegalStateException("a member setting was refused that no variable sets: " + ex.getMessage(),
                    ex);
        }
        String problem = variable.equals(CLUSTER_NAME) ? "is not usable: " + ex.getMessage() : ex.rule();
        return new InvalidSettingException(variable, values.text(variable, ""), problem);
    }

    /** The {@link MemberSettings} fields set from one variable each. */
    private static final Map<String, String> MEMBER_FIELDS = Map.of("clusterName", CLUSTER_NAME, "port", PORT,
            "memoryLimitBytes", MEMORY_LIMIT, "shutdownTimeout", SHUTDOWN_TIMEOUT, "placement", PARTITION_GROUP);

    /**
     * Runs a validation of one variable's value, so that its error names the variable,
     * not the record field.
     */
    private static void check(String variable, String value, Consumer<String> validation) {
        if (value == null) {
            return;
        }
        try {
            validation.accept(value);
        }
        catch (InvalidFieldException ex) {
            throw new InvalidSettingException(variable, value, ex.rule());
        }
    }

    /** The values of {@value #PARTITION_GROUP}. */
    private enum PartitionGroup {

        NONE, ZONE_AWARE

    }

    private static TrafficMultipliers multipliers(Values values) {
        Map<String, String> environment = new HashMap<>();
        for (String variable : List.of(TrafficMultipliers.SATURDAY_BOOST_MULTIPLIER,
                TrafficMultipliers.WEDDING_SEASON_MULTIPLIER)) {
            String value = values.text(variable, null);
            if (value != null) {
                try {
                    TrafficMultipliers.fromEnvironment(Map.of(variable, value));
                }
                catch (IllegalArgumentException ex) {
                    throw new InvalidSettingException(variable, value, "must be a number between 1 and 100");
                }
                environment.put(variable, value);
            }
        }
        return TrafficMultipliers.fromEnvironment(environment);
    }

    private static AlertRules alertRules(Values values) {
        Map<String, String> overrides = values.pairs(ALERT_OVERRIDES);
        try {
            return AlertRulesLoader.loadDefault(overrides);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSettingException(ALERT_OVERRIDES, values.text(ALERT_OVERRIDES, ""), ex.getMessage());
        }
    }

    private static Optional<URI> webhook(String value) {
        if (value == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException ex) {
            throw new InvalidSettingException(ALERT_WEBHOOK, value, "is not a URL: " + ex.getReason());
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSettingException(ALERT_WEBHOOK, value, "is not an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException(ALERT_WEBHOOK, value,
                    "needs a host, and no user:password@ or #fragment (put credentials in the path or query)");
        }
        return Optional.of(uri);
    }

    private static Catalog catalog(Values values) {
        Map<String, String> overrides = values.pairs(CATALOG_OVERRIDES);
        try {
            return CatalogLoader.loadDefault(overrides);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSettingException(CATALOG_OVERRIDES, values.text(CATALOG_OVERRIDES, ""), ex.getMessage());
        }
    }

    private static void checkMemoryLimit(String text, long limit, long maxHeap, Catalog catalog) {
        if (limit > maxHeap) {
            throw new InvalidSettingException(MEMORY_LIMIT, text, "is larger than the JVM's maximum heap ("
                    + (maxHeap >> 20) + " MiB); raise -Xmx or lower the limit");
        }
        long minimum = MemoryBudget.minimumMemoryLimit(catalog);
        if (limit < minimum) {
            DataClassPolicy smallest = catalog.policies()
                .stream()
                .min(java.util.Comparator.comparingInt(DataClassPolicy::memorySharePercent))
                .orElseThrow();
            throw new InvalidSettingException(MEMORY_LIMIT, text,
                    "is too small: " + smallest.dataClass().id() + " (" + smallest.memorySharePercent()
                            + " %) would get under 1 MiB, Hazelcast's smallest bound; use at least " + (minimum >> 20)
                            + "m");
        }
    }
}

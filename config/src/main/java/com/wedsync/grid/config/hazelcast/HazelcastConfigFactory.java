package com.wedsync.grid.config.hazelcast;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.PartitionGroupConfig.MemberGroupType;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.catalog.NearCachePolicy;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import java.time.Duration;

/**
 * Builds the Hazelcast member {@link Config} from the catalog and a member's settings:
 * one BINARY IMap per data class with a memory-based eviction bound from its share,
 * backups, TTLs and merge policy; loopback-safe networking with multicast,
 * auto-detection, REST and memcache off; a Java serialization allow-list; the Compact
 * serializer of wedding keys; a bounded graceful shutdown; and, with a quorum,
 * split-brain protection of the classes the catalog marks.
 */
public final class HazelcastConfigFactory {

    /** Hazelcast's memory-based bounds are whole mebibytes per member. */
    public static final long MIB = 1024L * 1024L;

    /**
     * The name of the split-brain protection of the catalog's protected classes (when the
     * member has a quorum).
     */
    public static final String QUORUM_NAME = "wedsync-quorum";

    /**
     * What Java deserialization accepts on a member: an entry ending in a dot is a
     * package prefix, any other an exact class name. Everything else is refused
     * ("Resolving class ... is not allowed"), and Hazelcast's own default allow-list
     * ({@code com.hazelcast.}, {@code java}, which also matches {@code javax.}, and
     * arrays) is disabled. No project type crosses the wire with Java serialization: keys
     * ({@code WeddingKey}), compressed values and the monitor's summaries are Compact.
     * Traced with a JVM-wide recording filter over puts, gets, bulk calls, the monitor's
     * replicated map, migration, a member's crash and a graceful stop, the only
     * Java-serialized objects are the exceptions one member sends another in an error
     * response: this list is what a {@link Throwable} needs.
     */
    static final String[] DESERIALIZATION_ALLOW_LIST = {
            // Hazelcast's own exceptions in members' error responses: the retry signals
            // of a migration (WrongTargetException, PartitionMigratingException),
            // split-brain protection, timeouts.
            "com.hazelcast.",
            // Throwable, StackTraceElement and the JDK's standard exceptions, the causes
            // of those responses.
            "java.lang.",
            // A Throwable's stack trace and its suppressed-exception list (empty, or an
            // ArrayList).
            "[Ljava.lang.StackTraceElement;", "java.util.Collections$EmptyList", "java.util.ArrayList",
            // Standard exceptions outside java.lang that a failed operation can carry as
            // its cause.
            "java.util.NoSuchElementException", "java.util.ConcurrentModificationException",
            "java.util.concurrent.TimeoutException", "java.util.concurrent.ExecutionException",
            "java.util.concurrent.CancellationException", "java.util.concurrent.CompletionException",
            "java.util.concurrent.RejectedExecutionException", "java.io.IOException", "java.io.UncheckedIOException",
            // Exact names match no subclass: the I/O failures a member meets (a closed
            // socket, a refused connection).
            "java.io.EOFException", "java.net.SocketException", "java.net.SocketTimeoutException",
            "java.net.ConnectException", "java.nio.channels.ClosedChannelException" };

    /** Hazelcast's member timeout property. */
    public static final String MEMBER_TIMEOUT_PROPERTY = "hazelcast.max.no.heartbeat.seconds";

    /**
     * The member timeout unless the JVM sets {@value #MEMBER_TIMEOUT_PROPERTY}: a member
     * that sends no heartbeat for this long (frozen, cut off, its host gone) is removed,
     * and its partitions' backups take over. Hazelcast's is 60 s. Safe only with
     * {@link #preferTaskWakeups()}: while a member is frozen, the master connects to its
     * address (on its removal and at each split-brain check), which accepts the
     * connection and never answers; Hazelcast 5.7 then spins the outbound IO thread of
     * that connection for 10-25 s, and without that setting the heartbeats of other
     * connections on the thread wait: with 8 s the others removed a healthy master in
     * about a third of the runs (FrozenMemberIT, thread dumps: docs/reliability.md).
     */
    public static final int DEFAULT_MEMBER_TIMEOUT_SECONDS = 8;

    /**
     * Hazelcast's switch, read from the JVM's system properties only, between two ways of
     * handing a write to a connection's IO thread: registering for the selector's write
     * event (true, Hazelcast's default) or queuing a task for the thread (false).
     */
    public static final String SELECTION_KEY_WAKEUP_PROPERTY = "hazelcast.io.selectionKeyWakeupEnabled";

    /**
     * Hazelcast's property: how long an owner waits for its backups' acknowledgements.
     */
    public static final String BACKUP_TIMEOUT_PROPERTY = "hazelcast.operation.backup.timeout.millis";

    /**
     * The backup acknowledgement timeout unless the JVM sets
     * {@value #BACKUP_TIMEOUT_PROPERTY}; Hazelcast's is 5 s.
     */
    public static final int DEFAULT_BACKUP_TIMEOUT_MILLIS = 1500;

    /** Hazelcast's heartbeat interval property. */
    public static final String HEARTBEAT_INTERVAL_PROPERTY = "hazelcast.heartbeat.interval.seconds";

    /**
     * The heartbeat interval unless the JVM sets {@value #HEARTBEAT_INTERVAL_PROPERTY};
     * Hazelcast's is 5 s.
     */
    public static final int DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 1;

    private HazelcastConfigFactory() {
    }

    /**
     * Builds a member configuration, with the budgets of {@link MemoryBudget#of} the
     * settings' memory limit.
     * @param catalog the data classes
     * @param settings how the member joins and how much memory it may use
     * @return a new configuration, owned by the caller
     * @throws IllegalArgumentException if the memory limit leaves a class a budget under
     * 1 MiB
     */
    public static Config memberConfig(Catalog catalog, MemberSettings settings) {
        return memberConfig(catalog, settings, MemoryBudget.of(catalog, settings.memoryLimitBytes()));
    }

    /**
     * Builds a member configuration whose maps are bounded by budgets computed already.
     * @param catalog the data classes
     * @param settings how the member joins and how much memory it may use
     * @param budget the budgets of the catalog's maps, shared out of the settings' memory
     * limit
     * @return a new configuration, owned by the caller
     * @throws IllegalArgumentException if the budget was shared out of another memory
     * limit, or lacks a map
     */
    public static Config memberConfig(Catalog catalog, MemberSettings settings, MemoryBudget budget) {
        if (budget.memoryLimitBytes() != settings.memoryLimitBytes()) {
            throw new IllegalArgumentException("the memory budget was shared out of " + budget.memoryLimitBytes()
                    + " bytes, the member's memoryLimitBytes is " + settings.memoryLimitBytes());
        }
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        configureNetwork(config.getNetworkConfig(), settings);
        configurePartitionGroups(config, settings);
        configureProperties(config, settings);
        configureSerialization(config);
        configureSplitBrainProtection(config, settings.quorum());
        for (DataClassPolicy policy : catalog.policies()) {
            config.addMapConfig(mapConfig(policy, settings, budget));
        }
        config.addMapConfig(CalendarMap.mapConfig());
        // Once the member has started: Hazelcast checks a USED_HEAP_SIZE bound by summing
        // the map's cost over all 271 partitions after every entry written, which a
        // running total replaces; and it sends one near-cache invalidation event per key
        // written, which the member now gathers into events of up to 100 keys, 1 ms apart
        // at most, still sending a lone write's at once.
        config.addListenerConfig(new ListenerConfig(
                new MemberTuning(catalog.policies().stream().map(DataClassPolicy::mapName).toList())));
        return config;
    }

    /**
     * Builds the client-side (L1) near cache of one data class: OBJECT format (values are
     * immutable and a hit returns the cached object without deserializing), invalidated
     * on change, bounded by entry count (the only bound Community Edition has), with the
     * class's near-cache TTL and max idle.
     * @param policy the class
     * @return a new near-cache configuration named after the class's map
     * @throws IllegalArgumentException if the class has its near cache disabled
     */
    public static NearCacheConfig nearCacheConfig(DataClassPolicy policy) {
        NearCachePolicy near = policy.nearCache();
        if (!near.enabled()) {
            throw new IllegalArgumentException(policy.dataClass().id() + ".near-cache.enabled is false");
        }
        EvictionConfig eviction = new EvictionConfig().setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
            .setSize(near.maxEntries())
            .setEvictionPolicy(EvictionPolicy.LRU);
        return new NearCacheConfig(policy.mapName()).setInMemoryFormat(InMemoryFormat.OBJECT)
            .setSerializeKeys(false)
            .setInvalidateOnChange(true)
            .setTimeToLiveSeconds(seconds(near.ttl()))
            .setMaxIdleSeconds(seconds(near.maxIdle()))
            .setEvictionConfig(eviction);
    }

    private static MapConfig mapConfig(DataClassPolicy policy, MemberSettings settings, MemoryBudget budget) {
        EvictionConfig eviction = new EvictionConfig().setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE)
            .setSize(budget.mib(policy.mapName()));
        if (policy.protectUpcoming() && settings.weddingPriority()) {
            // Hazelcast accepts either a policy or a comparator: NONE leaves the choice
            // to the comparator.
            eviction.setEvictionPolicy(EvictionPolicy.NONE).setComparator(new UpcomingWeddingsLastComparator());
        }
        else {
            eviction.setEvictionPolicy(policy.eviction());
        }
        return new MapConfig(policy.mapName()).setInMemoryFormat(InMemoryFormat.BINARY)
            .setBackupCount(policy.backupCount())
            .setAsyncBackupCount(policy.asyncBackupCount())
            .setTimeToLiveSeconds(seconds(policy.ttl().base()))
            .setMaxIdleSeconds(seconds(policy.maxIdle()))
            .setEvictionConfig(eviction)
            .setStatisticsEnabled(true)
            .setPerEntryStatsEnabled(true)
            .setMergePolicyConfig(new MergePolicyConfig(policy.mergePolicy(), MergePolicyConfig.DEFAULT_BATCH_SIZE))
            .setSplitBrainProtectionName(
                    (policy.splitBrainProtection() && settings.quorum().enabled()) ? QUORUM_NAME : null);
    }

    /**
     * Refuses writes (not reads) to the protected maps on a side of a split with fewer
     * recently heard members than the quorum. Reads stay: the minority still holds every
     * wedding it had (wedding data keeps a copy on each of three members), clients' near
     * caches answer reads regardless, and a refused read would take timelines offline
     * without protecting anything the merge could lose.
     */
    private static void configureSplitBrainProtection(Config config, Quorum quorum) {
        if (!quorum.enabled()) {
            return;
        }
        SplitBrainProtectionConfig protection = SplitBrainProtectionConfig
            .newRecentlyActiveSplitBrainProtectionConfigBuilder(QUORUM_NAME, quorum.minMembers(),
                    (int) quorum.heartbeatTolerance().toMillis())
            .build()
            .setProtectOn(SplitBrainProtectionOn.WRITE);
        config.addSplitBrainProtectionConfig(protection);
    }

    private static void configureNetwork(NetworkConfig network, MemberSettings settings) {
        network.setPort(settings.port()).setPortAutoIncrement(settings.portAutoIncrement());
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        network.getRestApiConfig().setEnabled(false);
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        Placement placement = settings.placement();
        switch (settings.discovery()) {
            case TCP_IP -> join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
            case KUBERNETES -> {
                join.getKubernetesConfig().setEnabled(true);
                if (placement.kubernetesServiceName() != null) {
                    join.getKubernetesConfig().setProperty("service-name", placement.kubernetesServiceName());
                }
            }
            case AWS -> {
                join.getAwsConfig().setEnabled(true);
                if (placement.awsTagKey() != null) {
                    join.getAwsConfig()
                        .setProperty("tag-key", placement.awsTagKey())
                        .setProperty("tag-value", placement.awsTagValue());
                }
            }
        }
    }

    private static void configurePartitionGroups(Config config, MemberSettings settings) {
        if (settings.placement().zoneAware()) {
            config.getPartitionGroupConfig().setEnabled(true).setGroupType(MemberGroupType.ZONE_AWARE);
        }
    }

    private static void configureProperties(Config config, MemberSettings settings) {
        // Management Center may connect and show metrics, but not browse entries:
        // guest_interactions holds guests' data. Scripting and the console are already
        // off by default.
        config.getManagementCenterConfig()
            .setDataAccessEnabled(false)
            .setScriptingEnabled(false)
            .setConsoleEnabled(false);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // One eviction per put lets a map with values of mixed sizes drift 8-17 % over
        // its memory bound under a flood (measured in MemoryBudgetIT); two per put holds
        // it within about 1 %.
        config.setProperty("hazelcast.map.eviction.batch.size", "2");
        // Batched near-cache invalidations wait for a 10 s flush: another client read a
        // stale value for up to 10 s (p50 9 s measured). Sent at once, p99 was 8-9 ms
        // (StalenessIT), at one event per write per client; the member then gathers
        // bursts itself (CoalescingInvalidator, installed below).
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
        // A member that freezes or dies without closing its connections (a long pause, a
        // hung VM, a host crash, a cut network) is dropped only after this long without
        // heartbeats; until then calls on its partitions wait. Hazelcast's 60 s (and 5 s
        // heartbeats) is long on a Saturday: 8 s, with a heartbeat every second
        // (FrozenMemberIT; docs/reliability.md has the trade-off).
        setUnlessJvmDoes(config, MEMBER_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_MEMBER_TIMEOUT_SECONDS));
        setUnlessJvmDoes(config, HEARTBEAT_INTERVAL_PROPERTY, String.valueOf(DEFAULT_HEARTBEAT_INTERVAL_SECONDS));
        // An owner waits this long for its synchronous backups' acknowledgements, then
        // answers the write anyway (the
        // backup is repaired later). A backup sent to a member that is leaving gracefully
        // may never be acknowledged:
        // with Hazelcast's 5 s, a rolling restart stalled writes 2.9-5.9 s; with 1.5 s,
        // 0.3-2.5 s (RollingRestartIT,
        // interleaved runs). Healthy backups answer in milliseconds.
        setUnlessJvmDoes(config, BACKUP_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_BACKUP_TIMEOUT_MILLIS));
        // A healed split, or a frozen member that wakes to find itself removed (it then
        // runs as a cluster of its own), merges at the master's next check for other
        // clusters: every 30 s instead of every 120 s, and the first check 30 s after the
        // start instead of 300 s, or a member frozen in its first 5 minutes would stay
        // apart that long.
        setUnlessJvmDoes(config, "hazelcast.merge.first.run.delay.seconds", "30");
        setUnlessJvmDoes(config, "hazelcast.merge.next.run.delay.seconds", "30");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        config.setProperty("hazelcast.graceful.shutdown.max.wait",
                String.valueOf(settings.shutdownTimeout().toSeconds()));
    }

    /**
     * Returns the member timeout in effect: how long a member goes without heartbeats
     * before the others drop it.
     * @return the seconds, from the JVM's {@value #MEMBER_TIMEOUT_PROPERTY} when it sets
     * one
     */
    public static long memberTimeoutSeconds() {
        return Long.getLong(MEMBER_TIMEOUT_PROPERTY, DEFAULT_MEMBER_TIMEOUT_SECONDS);
    }

    /**
     * Returns the heartbeat interval in effect: how often members tell each other they
     * are alive.
     * @return the seconds, from the JVM's {@value #HEARTBEAT_INTERVAL_PROPERTY} when it
     * sets one
     */
    public static long heartbeatIntervalSeconds() {
        return Long.getLong(HEARTBEAT_INTERVAL_PROPERTY, DEFAULT_HEARTBEAT_INTERVAL_SECONDS);
    }

    /**
     * Hazelcast reads a property from the Config before the JVM's: set it only when the
     * JVM does not.
     */
    /**
     * Makes a member's writes reach their IO thread as tasks, not selector events
     * ({@value #SELECTION_KEY_WAKEUP_PROPERTY}{@code =false}), unless the JVM sets that
     * itself; call it before the member starts, since Hazelcast reads it once, from the
     * system properties. An IO thread spinning on a connection to a frozen member runs
     * its task queue without end and never reaches its selector: writes handed over as
     * selector events (heartbeats, backups, replies on the thread's other connections)
     * then wait until the spin ends, 10-25 s later; tasks run in the same loop as the
     * spin, and leave at once (FrozenMemberIT).
     */
    public static void preferTaskWakeups() {
        if (System.getProperty(SELECTION_KEY_WAKEUP_PROPERTY) == null) {
            System.setProperty(SELECTION_KEY_WAKEUP_PROPERTY, "false");
        }
    }

    private static void setUnlessJvmDoes(Config config, String name, String value) {
        if (System.getProperty(name) == null) {
            config.setProperty(name, value);
        }
    }

    private static void configureSerialization(Config config) {
        ClassFilter allowed = new ClassFilter();
        for (String entry : DESERIALIZATION_ALLOW_LIST) {
            if (entry.endsWith(".")) {
                allowed.addPrefixes(entry);
            }
            else {
                allowed.addClasses(entry);
            }
        }
        // Refused even inside the allow-list: shaded third-party code, home of
        // Hazelcast's known gadget
        // (com.hazelcast.shaded.com.zaxxer.hikari.HikariDataSource).
        ClassFilter denied = new ClassFilter().addPrefixes("com.hazelcast.shaded.");
        config.getSerializationConfig()
            .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(allowed)
                .setBlacklist(denied))
            .getCompactSerializationConfig()
            .addSerializer(new WeddingKeySerializer());
    }

    private static int seconds(Duration duration) {
        // Hazelcast reads 0 as "no limit": a positive duration under 1 s must become 1 s,
        // not 0
        long seconds = (duration.isZero()) ? 0 : Math.max(1, duration.toSeconds());
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

}

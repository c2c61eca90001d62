package com.wedsync.grid.client.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.client.config.ConnectionRetryConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.IMap;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.GridCalendar;
import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import com.wedsync.grid.config.ttl.TtlPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The Hazelcast client behind a {@code GridClient}, and the regions over it: one per data
 * class and value type.
 */
public final class ClientRuntime implements AutoCloseable {

    /**
     * Prefixes of the classes any value may be made of: the JDK's basic types and
     * collections, and arrays (whose elements are each checked by their own class).
     */
    /**
     * Threads for the region calls without an asynchronous form: each holds one call that
     * waits on the grid, so this many callers may be waiting on a frozen member before
     * later ones wait in their own thread.
     */
    static final int BLOCKING_THREADS = 32;

    static final List<String> ALWAYS_DESERIALIZED = List.of("java.lang.", "java.util.", "java.time.", "java.math.",
            "[");

    private final GridClientSettings settings;

    private final HazelcastInstance client;

    private final MeterRegistry registry;

    private final ValueCodec codec;

    private final TtlPolicy ttlPolicy;

    private final ExecutorService loaders;

    /**
     * Runs the region calls that have no asynchronous form (see
     * {@link Failures#bounded}).
     */
    private final ExecutorService blocking;

    private final Map<DataClass, RegionMetrics> metrics = new ConcurrentHashMap<>();

    private final Map<String, CacheRegion<?, ?>> regions = new ConcurrentHashMap<>();

    private final SummaryPublisher publisher;

    private ClientRuntime(GridClientSettings settings, HazelcastInstance client, MeterRegistry registry) {
        this.settings = settings;
        this.client = client;
        this.registry = registry;
        this.codec = new ValueCodec(ClientInternals.serialization(client), settings.compressionThreshold(),
                settings.maxValueBytes(), settings.maxUncompressedValueBytes());
        this.ttlPolicy = new TtlPolicy(settings.catalog(), settings.clock());
        AtomicInteger threads = new AtomicInteger();
        this.loaders = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), (task) -> {
            Thread thread = new Thread(task, "grid-client-loader-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger blockingThreads = new AtomicInteger();
        this.blocking = new ThreadPoolExecutor(0, BLOCKING_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                (task) -> {
                    Thread thread = new Thread(task, "grid-client-blocking-" + blockingThreads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        ClientSampler sampler = new ClientSampler(client.getLocalEndpoint().getUuid().toString(), this.metrics,
                settings.clock().millis());
        this.publisher = SummaryPublisher.start(client, sampler, settings.clock(), settings.sampleInterval());
    }

    /**
     * Connects to the cluster, waiting at most the connect timeout. Once connected, the
     * client reconnects by itself after any outage, however long; meanwhile calls fail
     * after the operation timeout.
     * @param settings the client's settings
     * @param registry where the regions' meters go
     * @return the connected runtime
     * @throws GridUnavailableException naming the cluster, members and timeout if no
     * member answered in time
     * @throws com.wedsync.grid.client.IncompatibleHazelcastException before connecting,
     * if the Hazelcast on the classpath is not of the minor version grid-client was built
     * with
     */
    public static ClientRuntime connect(GridClientSettings settings, MeterRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        HazelcastVersionCheck.check();
        AsyncExecutor.ensurePooled();
        CountDownLatch connected = new CountDownLatch(1);
        ClientConfig config = clientConfig(settings);
        config.addListenerConfig(new ListenerConfig((LifecycleListener) (event) -> {
            if (event.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) {
                connected.countDown();
            }
        }));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        try {
            if (!awaitConnected(connected, settings.connectTimeout())) {
                throw new GridUnavailableException(
                        "cannot reach cluster '" + settings.clusterName() + "' at " + settings.members() + " within "
                                + Durations.format(settings.connectTimeout()) + " (connectTimeout)",
                        null);
            }
            awaitEveryMember(client, deadline);
            return new ClientRuntime(settings, client, registry);
        }
        catch (RuntimeException | Error ex) {
            // nothing owns the client until this method returns it: do not leave its
            // threads running
            client.shutdown();
            throw ex;
        }
    }

    /**
     * Waits, until the deadline at most, for a connection to every member, as a
     * synchronous start does: started asynchronously, the client reports itself connected
     * after its first member, and a near cache created before it reaches the others
     * misses their invalidations until the reconciliation task repairs it (StalenessIT
     * saw readers stale for over 2 s). A member still unreachable at the deadline is left
     * to the background connector.
     */
    private static void awaitEveryMember(HazelcastInstance client, long deadline) {
        Predicate<UUID> connected = ClientInternals.connections(client);
        while (!connectedToEveryMember(client.getCluster().getMembers(), connected)
                && System.nanoTime() - deadline < 0) {
            // Polled: the client has no event for "connected to every member";
            // connections take milliseconds.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static boolean connectedToEveryMember(Set<Member> members, Predicate<UUID> connected) {
        // The member list arrives after the first connection: empty means not known yet,
        // not "no members".
        return !members.isEmpty() && members.stream().allMatch((member) -> connected.test(member.getUuid()));
    }

    private static boolean awaitConnected(CountDownLatch connected, Duration timeout) {
        try {
            return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GridUnavailableException("interrupted while connecting to the cluster", ex);
        }
    }

    /**
     * Returns the region of a data class.
     * @param <K> the key type
     * @param <V> the value type
     * @param dataClass the class
     * @param valueType the type of its values
     * @return the region, the same instance for the same class and type
     */
    @SuppressWarnings("unchecked")
    public <K, V> CacheRegion<K, V> region(DataClass dataClass, Class<V> valueType) {
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(valueType, "valueType");
        return (CacheRegion<K, V>) this.regions.computeIfAbsent(dataClass.id() + "/" + valueType.getName(),
                (id) -> newRegion(this.settings.catalog().policy(dataClass), valueType));
    }

    /**
     * Returns the cluster's calendar of weddings and deadlines.
     * @return the calendar, on the settings' clock and operation timeout
     */
    public GridCalendar calendar() {
        return new HazelcastGridCalendar(this.client.getMap(CalendarMap.NAME),
                new Failures(CalendarMap.NAME, this.settings.operationTimeout(), this.blocking), this.settings.clock());
    }

    /**
     * Returns the Hazelcast client, for what the regions do not offer.
     * @return the client
     */
    public HazelcastInstance hazelcast() {
        return this.client;
    }

    @Override
    public void close() {
        this.publisher.close();
        this.loaders.shutdownNow();
        this.blocking.shutdownNow();
        this.client.shutdown();
    }

    private <K, V> CacheRegion<K, V> newRegion(DataClassPolicy policy, Class<V> valueType) {
        IMap<Object, Object> map = this.client.getMap(policy.mapName());
        RegionMetrics regionMetrics = this.metrics.computeIfAbsent(policy.dataClass(),
                (dataClass) -> new RegionMetrics(this.registry, dataClass.id(), map));
        return new HazelcastCacheRegion<>(policy, valueType, map, this.codec, this.ttlPolicy, regionMetrics,
                this.settings, this.loaders, this.blocking);
    }

    static ClientConfig clientConfig(GridClientSettings settings) {
        ClientConfig config = new ClientConfig();
        config.setInstanceName("grid-client-" + UUID.randomUUID());
        // The class loader of the application that connects, for every thread that
        // deserializes: without one, Hazelcast tries only the current thread's context
        // class loader, and its compact serializer remembers a type it could not load
        // there as a GenericRecord for good. A thread that cannot see the application's
        // classes (a pool's, or any in a Spring Boot fat jar, whose system class loader
        // does not hold them) then turned every later read of that type into a
        // GenericRecord.
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        config.setClassLoader((application != null) ? application : ClientRuntime.class.getClassLoader());
        config.setClusterName(settings.clusterName());
        config.getNetworkConfig()
            .setAddresses(settings.members())
            .setConnectionTimeout((int) Math.min(settings.connectTimeout().toMillis(), 5_000));
        // connect() bounds the first connection itself (asynchronous start, then a wait),
        // so that the cluster connect timeout can be infinite: set to connectTimeout, it
        // also ended reconnecting, and a client whose cluster was down longer than that
        // shut itself down for good (ClusterOutageIT). Retries back off to at most 2 s,
        // jittered so that many clients do not come back in step.
        ClientConnectionStrategyConfig strategy = config.getConnectionStrategyConfig();
        strategy.setAsyncStart(true).setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ON);
        strategy.getConnectionRetryConfig()
            .setClusterConnectTimeoutMillis(ConnectionRetryConfig.DEFAULT_CLUSTER_CONNECT_TIMEOUT_MILLIS)
            .setMaxBackoffMillis(2_000)
            .setJitter(0.2);
        configureMemberLoss(config);
        config.setProperty("hazelcast.client.invocation.timeout.seconds",
                String.valueOf(Math.max(1, settings.operationTimeout().toSeconds())));
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        for (DataClassPolicy policy : settings.catalog().policies()) {
            if (policy.nearCache().enabled()) {
                config.addNearCacheConfig(HazelcastConfigFactory.nearCacheConfig(policy));
            }
        }
        config.getSerializationConfig()
            .setJavaSerializationFilterConfig(deserializationFilter(settings.deserializationAllowList()))
            .getCompactSerializationConfig()
            .addSerializer(new WeddingKeySerializer())
            .addSerializer(new CompressedValue.Serializer());
        return config;
    }

    /**
     * Whoever can reach a member's port can store any value, and a Java-serialized value
     * can run code in the JVM that deserializes it: only the JDK's basic types and what
     * the settings add are deserialized. Hazelcast's own default list (every
     * {@code java*} and {@code com.hazelcast.} class) is off: it lets known gadgets
     * through (such as {@code javax.management.BadAttributeValueExpException}).
     */
    static JavaSerializationFilterConfig deserializationFilter(List<String> allowList) {
        ClassFilter allowed = new ClassFilter();
        for (String entry : ALWAYS_DESERIALIZED) {
            allowed.addPrefixes(entry);
        }
        for (String entry : allowList) {
            if (entry.endsWith(".")) {
                allowed.addPrefixes(entry);
            }
            else {
                allowed.addClasses(entry);
            }
        }
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
    }

    /**
     * Makes the loss of a member cost no error and no long stall (measured in grid-node's
     * {@code MemberLossIT}).
     */
    private static void configureMemberLoss(ClientConfig config) {
        // With backup acks sent to the client, a write whose backup was on a member that
        // died waits for the client's backup timeout
        // (hazelcast.client.operation.backup.timeout.millis, 5 s), since the client
        // learns nothing of member deaths there: writes stalled 5.1 s, and 1.1 s at a 1 s
        // timeout. Without, the owner waits for the acks and counts a backup on a member
        // that left as done as soon as the member is removed (20 ms after a SIGKILL on
        // loopback): the longest write took 0.6 s, with the owner's 5 s backup timeout
        // still bounding a backup that is merely slow.
        config.setBackupAckToClientEnabled(false);
        // A write in flight on the connection to a member that dies fails with
        // TargetDisconnectedException unless redone: 2 of 6,000 writes failed in one
        // kill. Every region write is idempotent (set, putAll, delete of a given value);
        // a redone putIfAbsent whose first attempt was applied reports the caller's own
        // value.
        config.getNetworkConfig().setRedoOperation(true);
        // A member that freezes (a long pause, a hung VM, a host off the network) keeps
        // its connections open, and its port still accepts new ones. Once the cluster
        // removes it, the client drops its connection and redoes what waited on it, but
        // only if it hears of the removal: when the frozen member was the one telling it
        // the member list, only the heartbeat notices, after 60 s by default. The
        // heartbeat timeout is also how long a connection's authentication may take, so a
        // client starting while a member is frozen waited that long on it before trying
        // the next address, past connectTimeout (FrozenMemberIT). 5 s without a byte from
        // a member (pinged every second when idle) ends the connection. It does not bound
        // a call to the frozen member's partitions: Hazelcast's client retries it on the
        // frozen owner until the member is removed (a 24.3 s write with a 30 s member
        // timeout), checking the invocation timeout only between retries; Failures bounds
        // it.
        config.setProperty("hazelcast.client.heartbeat.interval", "1000");
        config.setProperty("hazelcast.client.heartbeat.timeout", "5000");
    }

}

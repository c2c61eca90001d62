package com.wedsync.grid.config.testkit;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Real Hazelcast members built by {@link HazelcastConfigFactory#memberConfig} from a
 * catalog, joined over loopback TCP with a cluster name of their own (so they never join
 * a stray cluster) and ports from a free span. The one grid every test, benchmark and the
 * loadtest's embedded mode start; close it to terminate what it started.
 * <p>
 * Each member binds the first free port of the span (auto-increment) and looks for the
 * others on all of it. Joining is sped up for loopback: no wait before the join and a 1 s
 * TCP connection timeout (a member on loopback answers at once or not at all). Everything
 * else is the factory's, from {@link MemberSettings#builder()}'s defaults and the
 * builder's changes.
 *
 * <pre>{@code
 * try (LoopbackGrid grid = LoopbackGrid.builder().name("routing").member((m) -> m.memoryLimitBytes(64L << 20))
 *         .start(2)) {
 *     grid.member(0).getMap("wedding_timelines").put(key, value);
 * }
 * }</pre>
 */
public final class LoopbackGrid implements AutoCloseable {

    /**
     * How long {@link #start(int)} and the awaits wait, unless the builder says
     * otherwise.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String LOOPBACK = "127.0.0.1";

    private final String clusterName;

    private final int basePort;

    private final List<String> addresses;

    private final Catalog catalog;

    private final UnaryOperator<MemberSettings.Builder> memberSettings;

    private final Consumer<Config> memberConfig;

    private final Duration timeout;

    private final List<HazelcastInstance> members = new ArrayList<>();

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private LoopbackGrid(Builder builder) {
        this.clusterName = builder.name + "-" + UUID.randomUUID();
        this.basePort = LoopbackPorts.freeSpan(builder.portSpan);
        List<String> span = new ArrayList<>();
        for (int i = 0; i < builder.portSpan; i++) {
            span.add(LOOPBACK + ":" + (this.basePort + i));
        }
        this.addresses = List.copyOf(span);
        this.catalog = (builder.catalog != null) ? builder.catalog : CatalogLoader.loadDefault();
        this.memberSettings = builder.memberSettings;
        this.memberConfig = builder.memberConfig;
        this.timeout = builder.timeout;
    }

    /**
     * Returns a builder: name prefix {@code grid}, the shipped catalog, a span of 8
     * ports, a 60 s timeout.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cluster's name: the builder's prefix and a random UUID.
     * @return the name
     */
    public String clusterName() {
        return this.clusterName;
    }

    /**
     * Returns the first port of the span; the first member binds it unless something else
     * took it.
     * @return the port
     */
    public int basePort() {
        return this.basePort;
    }

    /**
     * Returns every address of the span, {@code 127.0.0.1:port}, which members and
     * clients look for.
     * @return the addresses
     */
    public List<String> addresses() {
        return this.addresses;
    }

    /**
     * Returns the catalog the members are configured from.
     * @return the catalog
     */
    public Catalog catalog() {
        return this.catalog;
    }

    /**
     * Returns the settings of a new member of this grid: its cluster name, the span as
     * members, the base port with auto-increment, then the builder's changes.
     * @return the settings
     */
    public MemberSettings memberSettings() {
        return this.memberSettings
            .apply(MemberSettings.builder()
                .clusterName(this.clusterName)
                .members(this.addresses)
                .port(this.basePort)
                .portAutoIncrement(true))
            .build();
    }

    /**
     * Returns the configuration of a new member of this grid, with the builder's changes.
     * @return the configuration
     */
    public Config memberConfig() {
        return memberConfig(UnaryOperator.identity());
    }

    /**
     * Returns the configuration of a new member of this grid, with the builder's changes
     * and then these.
     * @param change changes to this member's settings only, for example its port or
     * memory limit
     * @return the configuration
     */
    public Config memberConfig(UnaryOperator<MemberSettings.Builder> change) {
        Config config = HazelcastConfigFactory.memberConfig(this.catalog,
                change.apply(memberSettings().toBuilder()).build());
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(1);
        this.memberConfig.accept(config);
        return config;
    }

    /**
     * Starts members and waits until every running member sees all of them and the
     * cluster is safe.
     * @param count how many members to start, at least 1
     * @return this grid
     * @throws IllegalArgumentException if {@code count} is less than 1 (a grid with no
     * member yet is {@link Builder#build()}'s)
     */
    public LoopbackGrid startMembers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(
                    "count (" + count + ") must be at least 1; build() makes a grid with no member yet");
        }
        for (int i = 0; i < count; i++) {
            startMember();
        }
        awaitSafe(members().size());
        return this;
    }

    /**
     * Starts one more member in this JVM, without waiting for it to be joined by the
     * others.
     * @return the member
     */
    public HazelcastInstance startMember() {
        return startMember(memberConfig());
    }

    /**
     * Starts one more member in this JVM from a configuration, usually one of
     * {@link #memberConfig} changed.
     * @param config the member's configuration
     * @return the member
     */
    public HazelcastInstance startMember(Config config) {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        synchronized (this.members) {
            this.members.add(member);
        }
        return member;
    }

    /**
     * Returns the members still running, in start order.
     * @return the members
     */
    public List<HazelcastInstance> members() {
        synchronized (this.members) {
            return this.members.stream().filter((member) -> member.getLifecycleService().isRunning()).toList();
        }
    }

    /**
     * Returns a running member.
     * @param index its index among the running members, in start order
     * @return the member
     */
    public HazelcastInstance member(int index) {
        return members().get(index);
    }

    /**
     * Returns the addresses of the running members, as clients that should not try empty
     * ports list them.
     * @return {@code 127.0.0.1:port} of every running member
     */
    public List<String> memberAddresses() {
        return members().stream()
            .map((member) -> LOOPBACK + ":" + member.getCluster().getLocalMember().getAddress().getPort())
            .toList();
    }

    /**
     * Waits until exactly {@code size} members run and each of them sees {@code size}
     * members.
     * @param size the cluster size
     * @throws IllegalStateException when that does not happen within the timeout
     */
    public void awaitSize(int size) {
        await("cluster " + this.clusterName + " of " + size + " members", () -> {
            List<HazelcastInstance> running = members();
            return running.size() == size
                    && running.stream().allMatch((member) -> member.getCluster().getMembers().size() == size);
        });
    }

    /**
     * Waits until exactly {@code size} members run, each sees {@code size} members and is
     * safe (no migration pending, every backup in place). Each member is asked about
     * itself: a cluster-wide query would wait on a member just killed.
     * @param size the cluster size
     * @throws IllegalStateException when that does not happen within the timeout
     */
    public void awaitSafe(int size) {
        await("cluster " + this.clusterName + " of " + size + " members formed and safe", () -> {
            List<HazelcastInstance> running = members();
            return running.size() == size
                    && running.stream().allMatch((member) -> member.getCluster().getMembers().size() == size) && safe();
        });
    }

    /**
     * Tells whether members run and each is safe (no migration pending, every backup in
     * place). Each member is asked about itself: a cluster-wide query would wait on a
     * member just killed.
     * @return whether the running members are safe
     */
    public boolean safe() {
        List<HazelcastInstance> running = members();
        return !running.isEmpty()
                && running.stream().allMatch((member) -> member.getPartitionService().isLocalMemberSafe());
    }

    /**
     * Closes a resource (a client, a server) when this grid closes, before its members,
     * in reverse order of registration.
     * @param <T> the resource's type
     * @param resource the resource
     * @return the resource
     */
    public <T extends AutoCloseable> T closeWith(T resource) {
        synchronized (this.resources) {
            this.resources.push(Objects.requireNonNull(resource, "resource"));
        }
        return resource;
    }

    /**
     * Closes the registered resources, then terminates every member still running. Tests
     * of the graceful path call {@code shutdown()} on a member themselves. A resource
     * that fails to close does not keep the members running; its failure is rethrown once
     * everything is closed.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        synchronized (this.resources) {
            while (!this.resources.isEmpty()) {
                try {
                    this.resources.pop().close();
                }
                catch (Exception ex) {
                    failure = (failure != null) ? failure
                            : new IllegalStateException("a resource of " + this + " failed to close", ex);
                }
            }
        }
        synchronized (this.members) {
            this.members.forEach((member) -> member.getLifecycleService().terminate());
            this.members.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "loopback grid " + this.clusterName + " on ports " + this.basePort + "-"
                + (this.basePort + this.addresses.size() - 1);
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + this.timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(what + ": not reached within " + this.timeout);
            }
            // Polled: Hazelcast has no event for "safe"; 20 ms is far below what a join
            // or a migration takes.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * Collects the grid's settings; {@link #build()} reserves a name and ports,
     * {@link #start} also starts it.
     */
    public static final class Builder {

        private String name = "grid";

        private Catalog catalog;

        private int portSpan = 8;

        private UnaryOperator<MemberSettings.Builder> memberSettings = UnaryOperator.identity();

        private Consumer<Config> memberConfig = (config) -> {
        };

        private Duration timeout = TIMEOUT;

        private Builder() {
        }

        /**
         * Sets the start of the cluster name; a random UUID follows it.
         * @param prefix the prefix, letters, digits, '.', '_' or '-'
         * @return this builder
         */
        public Builder name(String prefix) {
            this.name = Objects.requireNonNull(prefix, "name");
            return this;
        }

        /**
         * Sets the catalog the members are configured from; the shipped one by default.
         * @param value the catalog
         * @return this builder
         */
        public Builder catalog(Catalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /**
         * Sets how many consecutive ports the members bind and look for each other on; at
         * most that many members run at once.
         * @param value 1 to 64
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is out of range
         */
        public Builder portSpan(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("portSpan (" + value + ") must be between 1 and 64");
            }
            this.portSpan = value;
            return this;
        }

        /**
         * Changes every member's settings, after the grid has set its cluster name,
         * members and port.
         * @param change applied to a builder holding those
         * @return this builder
         */
        public Builder member(UnaryOperator<MemberSettings.Builder> change) {
            this.memberSettings = Objects.requireNonNull(change, "member");
            return this;
        }

        /**
         * Changes every member's configuration after the factory built it, for what the
         * settings do not cover.
         * @param change applied to each configuration before the member starts
         * @return this builder
         */
        public Builder config(Consumer<Config> change) {
            this.memberConfig = Objects.requireNonNull(change, "config");
            return this;
        }

        /**
         * Sets how long starting and the awaits wait.
         * @param value a positive duration
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is not positive
         */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout (" + value + ") must be positive");
            }
            this.timeout = value;
            return this;
        }

        /**
         * Reserves a cluster name and a span of free ports; starts nothing.
         * @return the grid, with no member yet
         */
        public LoopbackGrid build() {
            return new LoopbackGrid(this);
        }

        /**
         * Starts members and waits until they form a safe cluster; terminates them if
         * that fails.
         * @param members how many members
         * @return the running grid
         */
        public LoopbackGrid start(int members) {
            LoopbackGrid grid = build();
            try {
                return grid.startMembers(members);
            }
            catch (RuntimeException | Error ex) {
                grid.close();
                throw ex;
            }
        }

    }

}

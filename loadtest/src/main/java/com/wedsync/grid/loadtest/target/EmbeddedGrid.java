package com.wedsync.grid.loadtest.target;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemberSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Members started in this JVM from the catalog, on loopback, with a cluster name of their own and free ports:
 * a self-contained run needs nothing else.
 */
public final class EmbeddedGrid implements GridControl, AutoCloseable {

    private static final int PORT_SPAN = 8;

    private final String clusterName = "loadtest-" + UUID.randomUUID();

    private final List<String> addresses = new ArrayList<>();

    private final List<HazelcastInstance> members = new ArrayList<>();

    private final Catalog catalog;

    private final long memoryLimitBytes;

    private EmbeddedGrid(Catalog catalog, long memoryLimitBytes) {
        this.catalog = catalog;
        this.memoryLimitBytes = memoryLimitBytes;
        int base = freePort();
        for (int i = 0; i < PORT_SPAN; i++) {
            this.addresses.add("127.0.0.1:" + (base + i));
        }
    }

    /**
     * Starts members.
     * @param catalog the data classes
     * @param size how many members
     * @param memoryLimitBytes each member's cache memory limit
     * @return the running grid
     */
    public static EmbeddedGrid start(Catalog catalog, int size, long memoryLimitBytes) {
        if (size < 1 || size > PORT_SPAN) {
            throw new IllegalArgumentException("--embedded (" + size + ") must be between 1 and " + PORT_SPAN);
        }
        EmbeddedGrid grid = new EmbeddedGrid(catalog, memoryLimitBytes);
        try {
            for (int i = 0; i < size; i++) {
                grid.startAnotherMember();
            }
            return grid;
        }
        catch (RuntimeException ex) {
            grid.close();
            throw ex;
        }
    }

    @Override
    public void startMember() {
        startAnotherMember();
    }

    @Override
    public int runningMembers() {
        return running().size();
    }

    @Override
    public void killMember() {
        List<HazelcastInstance> running = running();
        if (running.size() < 2) {
            throw new IllegalStateException("cannot kill a member of " + this + ": " + running.size()
                    + " running, at least 2 are needed");
        }
        running.get(running.size() - 1).getLifecycleService().terminate();
    }

    @Override
    public boolean clusterSafe() {
        // Asked of each member about itself: a cluster-wide query would wait on a member that was just killed.
        List<HazelcastInstance> running = running();
        return !running.isEmpty()
                && running.stream().allMatch((member) -> member.getPartitionService().isLocalMemberSafe());
    }

    @Override
    public Duration awaitSafe(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!clusterSafe()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(this + " was not safe within " + timeout);
            }
            // Polled: Hazelcast has no event for "safe again"; a millisecond is far below what a migration takes.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Starts one more member (a scale-out).
     * @return the member
     */
    public HazelcastInstance startAnotherMember() {
        int port = Integer.parseInt(this.addresses.get(0).substring(this.addresses.get(0).lastIndexOf(':') + 1));
        MemberSettings settings = MemberSettings.builder().clusterName(this.clusterName).members(this.addresses)
            .port(port).memoryLimitBytes(this.memoryLimitBytes).shutdownTimeout(Duration.ofSeconds(30)).build();
        Config config = HazelcastConfigFactory.memberConfig(this.catalog, settings);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        this.members.add(member);
        return member;
    }

    /**
     * Returns the cluster's name.
     * @return the name
     */
    public String clusterName() {
        return this.clusterName;
    }

    /**
     * Returns the addresses clients connect to: those of the running members only, since a client learns of any
     * member that joins later from the cluster, and trying ports where nobody listens only fills the log.
     * @return {@code 127.0.0.1:port} of every running member
     */
    public List<String> addresses() {
        return running().stream()
            .map((member) -> "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort())
            .toList();
    }

    /**
     * Returns the members started, running or not.
     * @return the members
     */
    public List<HazelcastInstance> members() {
        return List.copyOf(this.members);
    }

    private List<HazelcastInstance> running() {
        return this.members.stream().filter((member) -> member.getLifecycleService().isRunning()).toList();
    }

    @Override
    public void close() {
        this.members.forEach((member) -> member.getLifecycleService().terminate());
    }

    @Override
    public String toString() {
        return "embedded grid " + this.clusterName + " of " + this.members.size() + " members";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

package com.wedsync.grid.loadtest.target;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Members started in this JVM from the catalog, on loopback, with a cluster name of their
 * own and free ports: a self-contained run needs nothing else. The members are the tests'
 * {@link LoopbackGrid}; this adds what a run does to them (scale out, kill, wait until
 * safe).
 */
public final class EmbeddedGrid implements GridControl, AutoCloseable {

    private static final int PORT_SPAN = 8;

    private final LoopbackGrid grid;

    private EmbeddedGrid(LoopbackGrid grid) {
        this.grid = grid;
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
        EmbeddedGrid grid = new EmbeddedGrid(LoopbackGrid.builder()
            .name("loadtest")
            .catalog(catalog)
            .portSpan(PORT_SPAN)
            .member((member) -> member.memoryLimitBytes(memoryLimitBytes))
            .build());
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
        return this.grid.members().size();
    }

    @Override
    public void killMember() {
        List<HazelcastInstance> running = this.grid.members();
        if (running.size() < 2) {
            throw new IllegalStateException(
                    "cannot kill a member of " + this + ": " + running.size() + " running, at least 2 are needed");
        }
        running.get(running.size() - 1).getLifecycleService().terminate();
    }

    @Override
    public boolean clusterSafe() {
        return this.grid.safe();
    }

    @Override
    public Duration awaitSafe(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!clusterSafe()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(this + " was not safe within " + timeout);
            }
            // Polled: Hazelcast has no event for "safe again"; a millisecond is far below
            // what a migration takes.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Starts one more member (a scale-out).
     * @return the member
     */
    public HazelcastInstance startAnotherMember() {
        return this.grid.startMember();
    }

    /**
     * Returns the cluster's name.
     * @return the name
     */
    public String clusterName() {
        return this.grid.clusterName();
    }

    /**
     * Returns the addresses clients connect to: those of the running members only, since
     * a client learns of any member that joins later from the cluster, and trying ports
     * where nobody listens only fills the log.
     * @return {@code 127.0.0.1:port} of every running member
     */
    public List<String> addresses() {
        return this.grid.memberAddresses();
    }

    /**
     * Returns the running members, in start order.
     * @return the members
     */
    public List<HazelcastInstance> members() {
        return this.grid.members();
    }

    @Override
    public void close() {
        this.grid.close();
    }

    @Override
    public String toString() {
        return "embedded grid " + this.grid.clusterName() + " of " + runningMembers() + " running members";
    }

}

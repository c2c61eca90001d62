package com.wedsync.grid.node.member;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.settings.NodeSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the Hazelcast member on its own thread as soon as the settings are valid, so
 * that the member's start (about 3 s, most of it class loading and joining) overlaps
 * Spring's. The Spring context then waits for it.
 */
public final class MemberStarter {

    private final ClusterEventListener events;

    private final MemoryBudget budget;

    private final CompletableFuture<HazelcastInstance> member;

    private MemberStarter(ClusterEventListener events, MemoryBudget budget,
            CompletableFuture<HazelcastInstance> member) {
        this.events = events;
        this.budget = budget;
        this.member = member;
    }

    /**
     * Builds the member's configuration from the settings and starts the member in the
     * background.
     * @param settings the node's validated settings
     * @return the starter, which hands the member over once it runs
     */
    public static MemberStarter start(NodeSettings settings) {
        ClusterEventListener events = new ClusterEventListener();
        HazelcastConfigFactory.preferTaskWakeups();
        MemoryBudget budget = MemoryBudget.of(settings.catalog(), settings.member().memoryLimitBytes());
        Config config = HazelcastConfigFactory.memberConfig(settings.catalog(), settings.member(), budget);
        // Spring owns the shutdown: readiness goes down first, then MemberLifecycle
        // leaves gracefully.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.addListenerConfig(new ListenerConfig(events));
        CompletableFuture<HazelcastInstance> member = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                member.complete(Hazelcast.newHazelcastInstance(config));
            }
            catch (RuntimeException | Error ex) {
                member.completeExceptionally(ex);
            }
        }, "grid-member-start");
        starter.start();
        return new MemberStarter(events, budget, member);
    }

    /**
     * Returns the listener registered with the member.
     * @return the cluster-event listener
     */
    public ClusterEventListener events() {
        return this.events;
    }

    /**
     * Returns the budgets the member's maps are bounded by, for everything that measures
     * memory against them.
     * @return the memory budget
     */
    public MemoryBudget budget() {
        return this.budget;
    }

    /**
     * Waits for the member to run.
     * @param timeout the longest to wait
     * @return the running member
     * @throws IllegalStateException if the member failed to start, or did not within the
     * timeout
     */
    public HazelcastInstance await(Duration timeout) {
        try {
            return this.member.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("the Hazelcast member failed to start: " + ex.getCause(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("the Hazelcast member did not start within " + timeout.toSeconds() + " s");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Hazelcast member to start", ex);
        }
    }

    /**
     * Stops the member at once, without handing partitions over: for a node whose
     * application failed to start, so that the JVM can exit.
     */
    public void abort() {
        this.member.thenAccept((instance) -> instance.getLifecycleService().terminate());
    }

}

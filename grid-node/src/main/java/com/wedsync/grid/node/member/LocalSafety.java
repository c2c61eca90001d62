package com.wedsync.grid.node.member;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether the local member is safe (every partition replica it owns in sync with its
 * backups), answered within a bound. Hazelcast's {@code isLocalMemberSafe()} asks the
 * backup members and waits up to 10 s for them: while one is frozen, every readiness
 * probe, Prometheus scrape and {@code /actuator/cluster} call would wait that long
 * (FrozenMemberIT saw the endpoint stall). One check runs at a time, on a thread of its
 * own; a caller that comes while one runs shares it, waits at most the bound, and reads
 * "not safe" when it has not answered: a member that cannot confirm its backups within
 * the bound is not safe.
 */
public final class LocalSafety implements AutoCloseable {

    /**
     * How long a caller waits for the check: a few heartbeats of a healthy cluster, far
     * below a probe's timeout.
     */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    private final BooleanSupplier check;

    private final Duration wait;

    private final ExecutorService executor;

    private CompletableFuture<Boolean> running;

    LocalSafety(BooleanSupplier check, Duration wait) {
        this.check = Objects.requireNonNull(check, "check");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.executor = Executors.newSingleThreadExecutor((task) -> {
            Thread thread = new Thread(task, "grid-local-safety");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Returns the local member's safety, asked of its Hazelcast partition service.
     * @param instance the member
     * @return the safety, waiting at most {@link #DEFAULT_WAIT}
     */
    public static LocalSafety of(HazelcastInstance instance) {
        return new LocalSafety(
                () -> instance.getLifecycleService().isRunning() && instance.getPartitionService().isLocalMemberSafe(),
                DEFAULT_WAIT);
    }

    /**
     * Returns whether the member is safe, waiting at most the bound.
     * @return {@code true} when the check answered "safe" within the bound; {@code false}
     * when it answered "not safe", failed, or had not answered
     */
    public boolean isSafe() {
        try {
            return current().get(this.wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException | ExecutionException | RejectedExecutionException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> current() {
        if (this.running == null || this.running.isDone()) {
            this.running = CompletableFuture.supplyAsync(this.check::getAsBoolean, this.executor);
        }
        return this.running;
    }

    @Override
    public void close() {
        this.executor.shutdownNow();
    }

}

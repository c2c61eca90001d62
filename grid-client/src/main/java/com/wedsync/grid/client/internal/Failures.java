package com.wedsync.grid.client.internal;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.client.ValueClassNotAllowedException;
import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Turns Hazelcast's "the grid did not answer" exceptions into
 * {@link GridUnavailableException}s that name the region, the operation and the timeout,
 * and its split-brain protection's refusals into ones that name the region, the operation
 * and the missing quorum, and the deserialization filter's refusal of a value's class
 * into a {@link ValueClassNotAllowedException}. Every other exception passes unchanged.
 * <p>
 * It also bounds every call by the operation timeout ({@link #await}, {@link #bounded}).
 * Hazelcast's client checks its invocation timeout only when it retries: a call that a
 * member forwards to a frozen partition owner waits on that member until the cluster
 * removes the owner (24.3 s measured with a 30 s member timeout), and a blocked operation
 * (a write to a locked key) waits on the member's own timeouts.
 */
final class Failures {

    /** Told of each failure it translates, for the region's figures. */
    interface Counts {

        /** Counts nothing. */
        Counts NONE = new Counts() {
        };

        /** A call got no answer within the operation timeout. */
        default void timedOut() {
        }

        /** A call failed otherwise: the grid unreachable, a refusal. */
        default void failed() {
        }

    }

    private final String region;

    private final Duration timeout;

    private final long timeoutNanos;

    /**
     * Runs the calls Hazelcast offers no asynchronous form of, so that the caller can
     * stop waiting.
     */
    private final Executor blocking;

    private final Counts counts;

    Failures(String region, Duration timeout, Executor blocking) {
        this(region, timeout, blocking, Counts.NONE);
    }

    Failures(String region, Duration timeout, Executor blocking, Counts counts) {
        this.region = region;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.blocking = blocking;
        this.counts = counts;
    }

    /**
     * Starts an asynchronous call and waits for its answer at most the operation timeout.
     * @param operation the operation's name, for messages
     * @param call starts the call
     * @return its answer
     * @throws GridUnavailableException if it got none in time, or for the failures
     * {@link #call} translates
     */
    <T> T await(String operation, Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> answer = call(operation, () -> call.get().toCompletableFuture());
        try {
            return answer.get(this.timeoutNanos, TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            throw noAnswer(operation, ex);
        }
        catch (ExecutionException ex) {
            throw failed(operation, ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GridUnavailableException(
                    "region " + this.region + ": " + operation
                            + " was interrupted while waiting for the grid; a write may or may not have been applied",
                    ex);
        }
    }

    /**
     * Runs a blocking call on another thread and waits for it at most the operation
     * timeout. When every such thread is taken, the caller runs it itself, bounded by
     * Hazelcast's own timeouts only.
     * @param operation the operation's name, for messages
     * @param action the call
     * @return its answer
     * @throws GridUnavailableException if it got none in time, or for the failures
     * {@link #call} translates
     */
    <T> T bounded(String operation, Supplier<T> action) {
        CompletableFuture<T> answer;
        try {
            answer = CompletableFuture.supplyAsync(action, this.blocking);
        }
        catch (RejectedExecutionException ex) {
            return call(operation, action);
        }
        return await(operation, () -> answer);
    }

    /**
     * Bounds an asynchronous call by the operation timeout and translates its failures as
     * {@link #translated} does.
     * @param operation the operation's name, for messages
     * @param stage the call's answer
     * @return an answer that fails with a {@link GridUnavailableException} when there was
     * none in time
     */
    <T> CompletionStage<T> boundedAsync(String operation, CompletionStage<T> stage) {
        CompletableFuture<T> answer = stage.toCompletableFuture()
            .thenApply((value) -> value)
            .orTimeout(this.timeoutNanos, TimeUnit.NANOSECONDS);
        return translated(operation, answer);
    }

    <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        }
        catch (HazelcastClientOfflineException | OperationTimeoutException | HazelcastInstanceNotActiveException
                | TargetDisconnectedException | SplitBrainProtectionException ex) {
            throw unavailable(operation, ex);
        }
        catch (HazelcastSerializationException ex) {
            throw refusedClass(operation, ex);
        }
    }

    /**
     * Returns the exception a failure to deserialize a value becomes:
     * {@link ValueClassNotAllowedException} when the deserialization filter refused its
     * class, the failure itself otherwise.
     */
    RuntimeException refusedClass(String operation, HazelcastSerializationException ex) {
        if (!refusedByFilter(ex)) {
            return ex;
        }
        this.counts.failed();
        return new ValueClassNotAllowedException(this.region, operation, ex);
    }

    void run(String operation, Runnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    <T> CompletionStage<T> translated(String operation, CompletionStage<T> stage) {
        return stage.exceptionallyCompose((failure) -> {
            Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
                    ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(failed(operation, cause));
        });
    }

    /**
     * Tells whether an exception of {@link #call} is split-brain protection's refusal of
     * a write: the member's side of a split is under its quorum, while it still answers
     * reads.
     */
    static boolean refusedByQuorum(RuntimeException ex) {
        return ex instanceof GridUnavailableException && ex.getCause() instanceof SplitBrainProtectionException;
    }

    /** Hazelcast's filter throws a SecurityException, which it wraps on the way out. */
    private static boolean refusedByFilter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecurityException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        return cause instanceof HazelcastClientOfflineException || cause instanceof OperationTimeoutException
                || cause instanceof HazelcastInstanceNotActiveException || cause instanceof TargetDisconnectedException
                || cause instanceof SplitBrainProtectionException;
    }

    /**
     * What a call that failed with {@code cause} throws: the translations of
     * {@link #call}, or the cause.
     */
    private RuntimeException failed(String operation, Throwable cause) {
        if (cause instanceof TimeoutException ex) {
            return noAnswer(operation, ex);
        }
        if (cause instanceof HazelcastSerializationException ex) {
            return refusedClass(operation, ex);
        }
        if (isUnavailable(cause)) {
            return unavailable(operation, (RuntimeException) cause);
        }
        if (cause instanceof RuntimeException ex) {
            return ex;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }

    private GridUnavailableException noAnswer(String operation, TimeoutException cause) {
        this.counts.timedOut();
        return new GridUnavailableException("region " + this.region + ": " + operation + " got no answer from the"
                + " grid within " + Durations.format(this.timeout) + " (operationTimeout); a write may or may not have"
                + " been applied", cause);
    }

    private GridUnavailableException unavailable(String operation, RuntimeException cause) {
        if (cause instanceof OperationTimeoutException) {
            this.counts.timedOut();
        }
        else {
            this.counts.failed();
        }
        if (cause instanceof SplitBrainProtectionException) {
            return new GridUnavailableException("region " + this.region + ": " + operation + " refused by split-brain"
                    + " protection: the member's side of a network split has fewer members than its quorum, so the"
                    + " write was not applied; retry once the split heals: " + cause.getMessage(), cause);
        }
        String outcome = (cause instanceof TargetDisconnectedException)
                ? " lost its connection to the member before an answer; a write may or may not have been applied: "
                : " got no answer from the grid within " + Durations.format(this.timeout) + " (operationTimeout): ";
        return new GridUnavailableException("region " + this.region + ": " + operation + outcome + cause.getMessage(),
                cause);
    }

}

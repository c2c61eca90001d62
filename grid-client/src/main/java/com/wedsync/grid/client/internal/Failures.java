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
import java.util.function.Supplier;

/**
 * Turns Hazelcast's "the grid did not answer" exceptions into {@link GridUnavailableException}s that name the
 * region, the operation and the timeout, and its split-brain protection's refusals into ones that name the region,
 * the operation and the missing quorum, and the deserialization filter's refusal of a value's class into a
 * {@link ValueClassNotAllowedException}. Every other exception passes unchanged.
 */
final class Failures {

    private final String region;

    private final Duration timeout;

    Failures(String region, Duration timeout) {
        this.region = region;
        this.timeout = timeout;
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
     * Returns the exception a failure to deserialize a value becomes: {@link ValueClassNotAllowedException} when the
     * deserialization filter refused its class, the failure itself otherwise.
     */
    RuntimeException refusedClass(String operation, HazelcastSerializationException ex) {
        return refusedByFilter(ex) ? new ValueClassNotAllowedException(this.region, operation, ex) : ex;
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
            if (cause instanceof HazelcastSerializationException ex) {
                return CompletableFuture.failedFuture(refusedClass(operation, ex));
            }
            return CompletableFuture.failedFuture(isUnavailable(cause)
                    ? unavailable(operation, (RuntimeException) cause) : cause);
        });
    }

    /**
     * Tells whether an exception of {@link #call} is split-brain protection's refusal of a write: the member's side
     * of a split is under its quorum, while it still answers reads.
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
                || cause instanceof HazelcastInstanceNotActiveException
                || cause instanceof TargetDisconnectedException || cause instanceof SplitBrainProtectionException;
    }

    private GridUnavailableException unavailable(String operation, RuntimeException cause) {
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

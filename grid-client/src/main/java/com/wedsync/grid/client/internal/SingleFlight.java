package com.wedsync.grid.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most one load per key at a time inside this JVM: the first caller runs the load on
 * its own thread, callers that arrive meanwhile wait (bounded) for its result or its
 * exception. Nothing is remembered afterwards.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

    private final Duration timeout;

    SingleFlight(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Runs the load unless one for the key is under way, in which case it waits for that
     * one.
     * @param key the key
     * @param load the load, run on the calling thread when this caller leads
     * @return the load's result
     * @throws RuntimeException the load's exception, for the leader and every waiter
     * alike
     */
    V load(K key, Supplier<V> load) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> leader = this.flights.putIfAbsent(key, mine);
        if (leader != null) {
            return await(leader);
        }
        try {
            V value = load.get();
            mine.complete(value);
            return value;
        }
        catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            throw ex;
        }
        finally {
            this.flights.remove(key, mine);
        }
    }

    int inFlight() {
        return this.flights.size();
    }

    private V await(CompletableFuture<V> leader) {
        try {
            return leader.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("another caller's load of the same key took longer than "
                    + this.timeout.toMillis() + " ms (loadTimeout)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another caller's load", ex);
        }
    }

}

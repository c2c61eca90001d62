package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * The Spring {@link Cache} of one data class, over its {@link CacheRegion} with values of
 * any type: reads use the near cache, {@link #get(Object, Callable)} loads once per key
 * in this JVM, and every write is acknowledged by the grid before it returns (also
 * {@link #put}, which Spring allows to be deferred).
 * <p>
 * Keys: {@code WeddingKey}s (with a SpEL {@code key} such as
 * {@code "new com.wedsync.grid.config.key.WeddingKey(
 * #weddingId, 'timeline')"}) keep a wedding's entries in one partition, and
 * {@code String}s are portable; those are the keys to use. Spring's default keys of
 * methods with several parameters ({@code SimpleKey}) work too: they are Java-serialized,
 * and members store keys in binary form without reading them, so the members' Java
 * deserialization allow-list is not in the way. Member-side code that does read keys
 * (queries, entry processors, listeners) cannot read them, and non-Java clients cannot
 * either.
 * <p>
 * Values are stored as they are serialized by Hazelcast (records need no setup), with no
 * {@code null}s: putting {@code null} evicts the key.
 */
final class GridCache implements Cache {

    private final CacheRegion<Object, Object> region;

    private final ConcurrentMap<Object, CompletableFuture<Object>> asyncLoads = new ConcurrentHashMap<>();

    GridCache(GridClient client, DataClass dataClass) {
        this.region = client.region(dataClass, Object.class);
    }

    @Override
    public String getName() {
        return this.region.dataClass().id();
    }

    /** Returns the {@link CacheRegion}. */
    @Override
    public Object getNativeCache() {
        return this.region;
    }

    @Override
    public ValueWrapper get(Object key) {
        Object value = this.region.get(key);
        return (value != null) ? new SimpleValueWrapper(value) : null;
    }

    @Override
    public <T> T get(Object key, Class<T> type) {
        Object value = this.region.get(key);
        if (value != null && type != null && !type.isInstance(value)) {
            throw new IllegalStateException("cache " + getName() + " holds a " + value.getClass().getName()
                    + " under key " + key + ", not the " + type.getName() + " asked for");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /**
     * Reads a value, calling the loader on a miss; concurrent misses of one key in this
     * JVM make one call.
     * @throws ValueRetrievalException with the loader's exception as its cause; nothing
     * is cached then
     */
    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        @SuppressWarnings("unchecked")
        T value = (T) this.region.getOrLoad(key, (k) -> call(key, valueLoader));
        return value;
    }

    /**
     * Reads without blocking: a near-cache hit is a completed future; a miss completes
     * with {@code null}.
     */
    @Override
    public CompletableFuture<?> retrieve(Object key) {
        return this.region.getAsync(key).toCompletableFuture();
    }

    /**
     * Reads without blocking, and on a miss stores what the loader's future produces once
     * it completes. Concurrent misses of one key in this JVM share one loader call. No
     * thread waits for the loader: these loads do not go through
     * {@link CacheRegion#getOrLoadAsync}, which would hold one of the client's few loader
     * threads for each.
     */
    @Override
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        return this.region.getAsync(key).toCompletableFuture().thenCompose((found) -> {
            CompletableFuture<Object> value = (found != null) ? CompletableFuture.completedFuture(found)
                    : loadAsync(key, valueLoader);
            @SuppressWarnings("unchecked")
            CompletableFuture<T> typed = (CompletableFuture<T>) value;
            return typed;
        });
    }

    /** Writes the value, or evicts the key if the value is {@code null}. */
    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            this.region.remove(key);
        }
        else {
            this.region.put(key, value);
        }
    }

    /**
     * Writes the value unless the key has one, atomically on the owning member. A null
     * value writes nothing.
     */
    @Override
    public ValueWrapper putIfAbsent(Object key, Object value) {
        if (value == null) {
            return get(key);
        }
        Object existing = this.region.putIfAbsent(key, value);
        return (existing != null) ? new SimpleValueWrapper(existing) : null;
    }

    /**
     * Removes the key from the grid before it returns; other clients' near caches drop it
     * when the member's invalidation reaches them: members send it at once (a burst waits
     * at most a millisecond to share one event); {@code StalenessIT} measures p50 0.23 ms
     * and p99 8.6 ms on loopback.
     */
    @Override
    public void evict(Object key) {
        this.region.remove(key);
    }

    /**
     * Removes the key at once; returns {@code false}, since the removal does not tell
     * whether there was one.
     */
    @Override
    public boolean evictIfPresent(Object key) {
        this.region.remove(key);
        return false;
    }

    /**
     * Removes every entry of this data class from the grid: for every client and service,
     * not just this one. Other clients' near caches drop the entries when the
     * invalidation reaches them.
     */
    @Override
    public void clear() {
        this.region.clear();
    }

    /**
     * {@link #clear()}, which is done when it returns; returns {@code false}, not knowing
     * if there were entries.
     */
    @Override
    public boolean invalidate() {
        clear();
        return false;
    }

    private CompletableFuture<Object> loadAsync(Object key, Supplier<? extends CompletableFuture<?>> valueLoader) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> leader = this.asyncLoads.putIfAbsent(key, mine);
        if (leader != null) {
            // A copy per caller, so that one caller cancelling its future does not fail
            // the others.
            return leader.thenApply(Function.identity());
        }
        storeWhenLoaded(key, valueLoader).whenComplete((value, failure) -> {
            this.asyncLoads.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally((failure instanceof CompletionException && failure.getCause() != null)
                        ? failure.getCause() : failure);
            }
            else {
                mine.complete(value);
            }
        });
        return mine.thenApply(Function.identity());
    }

    private CompletableFuture<Object> storeWhenLoaded(Object key, Supplier<? extends CompletableFuture<?>> loader) {
        CompletableFuture<?> loaded;
        try {
            loaded = loader.get();
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        return loaded.thenCompose((value) -> (value == null) ? CompletableFuture.completedFuture(null)
                : this.region.putAsync(key, value).thenApply((ignored) -> value));
    }

    private static Object call(Object key, Callable<?> valueLoader) {
        try {
            return valueLoader.call();
        }
        catch (Exception ex) {
            throw new ValueRetrievalException(key, valueLoader, ex);
        }
    }

}

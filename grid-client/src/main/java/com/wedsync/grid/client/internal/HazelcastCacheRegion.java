package com.wedsync.grid.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.config.ttl.AccessHint;
import com.wedsync.grid.config.ttl.TtlPolicy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link CacheRegion} over one IMap of a Hazelcast client with a near cache. The L1 hit path is a near-cache
 * lookup, a counter increment and (one call in {@value RegionMetrics#L1_SAMPLE}) a timer: no allocation, no lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class HazelcastCacheRegion<K, V> implements CacheRegion<K, V> {

    private final DataClassPolicy policy;

    private final Class<V> valueType;

    private final IMap<Object, Object> map;

    private final NearCache<Object, Object> nearCache;

    private final ValueCodec codec;

    private final TtlPolicy ttlPolicy;

    private final RegionMetrics metrics;

    private final SingleFlight<K, V> flight;

    private final Cache<K, Boolean> absent;

    private final Cache<K, Long> refreshAt;

    private final double refreshAhead;

    private final Executor loaders;

    private final Duration operationTimeout;

    private final java.time.Clock clock;

    HazelcastCacheRegion(DataClassPolicy policy, Class<V> valueType, IMap<Object, Object> map, ValueCodec codec,
            TtlPolicy ttlPolicy, RegionMetrics metrics, GridClientSettings settings, Executor loaders) {
        this.policy = policy;
        this.valueType = valueType;
        this.map = map;
        this.nearCache = nearCacheOf(map);
        this.codec = codec;
        this.ttlPolicy = ttlPolicy;
        this.metrics = metrics;
        this.flight = new SingleFlight<>(settings.loadTimeout());
        this.absent = settings.negativeCacheTtl().isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(settings.negativeCacheTtl()).maximumSize(10_000).build();
        this.refreshAhead = settings.refreshAhead();
        this.refreshAt = (this.refreshAhead == 0) ? null
                : Caffeine.newBuilder().expireAfterWrite(policy.ttl().max()).maximumSize(100_000).build();
        this.loaders = loaders;
        this.operationTimeout = settings.operationTimeout();
        this.clock = settings.clock();
    }

    @Override
    public DataClass dataClass() {
        return this.policy.dataClass();
    }

    @Override
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        if (this.nearCache != null) {
            boolean timed = this.metrics.sampleL1();
            long start = timed ? System.nanoTime() : 0;
            Object cached = this.nearCache.get(key);
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                if (timed) {
                    this.metrics.l1Latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                return value(key, cached);
            }
        }
        long start = System.nanoTime();
        Object stored = call("get", () -> this.map.get(key));
        this.metrics.l2Latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return counted(key, stored);
    }

    @Override
    public Map<K, V> getAll(Set<K> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<K, V> found = new HashMap<>();
        Set<Object> remote = new HashSet<>();
        for (K key : keys) {
            Object cached = (this.nearCache != null) ? this.nearCache.get(Objects.requireNonNull(key, "key")) : null;
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                found.put(key, value(key, cached));
            }
            else {
                remote.add(Objects.requireNonNull(key, "key"));
            }
        }
        if (!remote.isEmpty()) {
            long start = System.nanoTime();
            Map<Object, Object> stored = call("getAll", () -> this.map.getAll(remote));
            this.metrics.l2Latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            for (Object key : remote) {
                @SuppressWarnings("unchecked")
                K typed = (K) key;
                V value = counted(typed, stored.get(key));
                if (value != null) {
                    found.put(typed, value);
                }
            }
        }
        return found;
    }

    @Override
    public void put(K key, V value) {
        write(key, value, this.ttlPolicy.ttl(dataClass(), Optional.empty(), AccessHint.NORMAL));
    }

    @Override
    public void put(K key, V value, LocalDate weddingDate, AccessHint hint) {
        Objects.requireNonNull(weddingDate, "weddingDate");
        write(key, value, this.ttlPolicy.ttl(dataClass(), Optional.of(weddingDate), hint));
    }

    @Override
    public void put(K key, V value, Duration ttl) {
        write(key, value, checkedTtl(ttl));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Duration ttl = this.ttlPolicy.ttl(dataClass(), Optional.empty(), AccessHint.NORMAL);
        Object stored = encode(key, value);
        Object existing = call("putIfAbsent",
                () -> this.map.putIfAbsent(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS));
        if (existing == null && this.absent != null) {
            this.absent.invalidate(key);
        }
        return (existing != null) ? value(key, existing) : null;
    }

    @Override
    public void remove(K key) {
        Objects.requireNonNull(key, "key");
        call("remove", () -> {
            this.map.delete(key);
            return null;
        });
        if (this.absent != null) {
            this.absent.invalidate(key);
        }
    }

    @Override
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader");
        V value = get(key);
        if (value != null) {
            maybeRefresh(key, loader);
            return value;
        }
        if (this.absent != null && this.absent.getIfPresent(key) != null) {
            return null;
        }
        return this.flight.load(key, () -> {
            // Another thread or JVM may have stored it since our read.
            Object stored = call("get", () -> this.map.get(key));
            return (stored != null) ? value(key, stored) : load(key, loader);
        });
    }

    @Override
    public CompletionStage<V> getAsync(K key) {
        Objects.requireNonNull(key, "key");
        if (this.nearCache != null) {
            Object cached = this.nearCache.get(key);
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                return CompletableFuture.completedFuture(value(key, cached));
            }
        }
        long start = System.nanoTime();
        return translated("getAsync", this.map.getAsync(key).thenApply((stored) -> {
            this.metrics.l2Latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return counted(key, stored);
        }));
    }

    @Override
    public CompletionStage<Void> putAsync(K key, V value) {
        try {
            Duration ttl = this.ttlPolicy.ttl(dataClass(), Optional.empty(), AccessHint.NORMAL);
            Object stored = encode(key, value);
            return translated("putAsync",
                    this.map.setAsync(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS).thenRun(() -> { }));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    @Override
    public CompletionStage<Void> removeAsync(K key) {
        Objects.requireNonNull(key, "key");
        return translated("removeAsync", this.map.deleteAsync(key).thenRun(() -> { }));
    }

    @Override
    public CompletionStage<V> getOrLoadAsync(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        return CompletableFuture.supplyAsync(() -> getOrLoad(key, loader), this.loaders);
    }

    @Override
    public String toString() {
        return "CacheRegion[" + dataClass().id() + " -> " + this.map.getName() + "]";
    }

    private V load(K key, Function<? super K, ? extends V> loader) {
        long start = System.nanoTime();
        V loaded;
        try {
            loaded = loader.apply(key);
        }
        catch (RuntimeException | Error ex) {
            this.metrics.loadFailures.increment();
            this.metrics.loadTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw ex;
        }
        this.metrics.loads.increment();
        this.metrics.loadTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (loaded == null) {
            if (this.absent != null) {
                this.absent.put(key, Boolean.TRUE);
            }
            return null;
        }
        Duration ttl = this.ttlPolicy.ttl(dataClass(), Optional.empty(), AccessHint.NORMAL);
        write(key, loaded, ttl);
        if (this.refreshAt != null) {
            // Reload in the last refreshAhead share of the TTL, at a random point of its first half, so that
            // clients and keys loaded together do not all reload together.
            long window = (long) (ttl.toMillis() * this.refreshAhead);
            long jitter = ThreadLocalRandom.current().nextLong(window / 2 + 1);
            this.refreshAt.put(key, this.clock.millis() + ttl.toMillis() - window + jitter);
        }
        return loaded;
    }

    private void maybeRefresh(K key, Function<? super K, ? extends V> loader) {
        if (this.refreshAt == null) {
            return;
        }
        Long due = this.refreshAt.getIfPresent(key);
        if (due != null && this.clock.millis() >= due && this.refreshAt.asMap().remove(key, due)) {
            this.loaders.execute(() -> this.flight.load(key, () -> load(key, loader)));
        }
    }

    private void write(K key, V value, Duration ttl) {
        Object stored = encode(key, value);
        call("put", () -> {
            this.map.set(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        });
        if (this.absent != null) {
            this.absent.invalidate(key);
        }
    }

    private Object encode(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!this.valueType.isInstance(value)) {
            throw new IllegalArgumentException("region " + dataClass().id() + " holds " + this.valueType.getName()
                    + ", not " + value.getClass().getName());
        }
        ValueCodec.Encoded encoded = this.codec.encode(dataClass().id(), value);
        if (encoded.compressed()) {
            this.metrics.compressionRatio.record((double) encoded.storedBytes() / encoded.rawBytes());
        }
        return encoded.stored();
    }

    private Duration checkedTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(this.policy.ttl().min()) < 0 || ttl.compareTo(this.policy.ttl().max()) > 0) {
            throw new IllegalArgumentException("ttl (" + Durations.format(ttl) + ") of region " + dataClass().id()
                    + " must lie between ttl.min (" + Durations.format(this.policy.ttl().min()) + ") and ttl.max ("
                    + Durations.format(this.policy.ttl().max()) + ")");
        }
        return ttl;
    }

    private V counted(K key, Object stored) {
        if (stored == null) {
            this.metrics.misses.increment();
            return null;
        }
        this.metrics.l2Hits.increment();
        return value(key, stored);
    }

    private V value(K key, Object stored) {
        Object value = this.codec.decode(stored);
        if (!this.valueType.isInstance(value)) {
            throw new IllegalStateException("region " + dataClass().id() + " holds a " + value.getClass().getName()
                    + " under key " + key + ", not the " + this.valueType.getName() + " this region reads");
        }
        return this.valueType.cast(value);
    }

    private static boolean isValue(Object cached) {
        return cached != null && cached != NearCache.NOT_CACHED && cached != NearCache.CACHED_AS_NULL;
    }

    private <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        }
        catch (HazelcastClientOfflineException | OperationTimeoutException | HazelcastInstanceNotActiveException
                | TargetDisconnectedException ex) {
            throw unavailable(operation, ex);
        }
    }

    private <T> CompletionStage<T> translated(String operation, CompletionStage<T> stage) {
        return stage.exceptionallyCompose((failure) -> {
            Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
            if (cause instanceof HazelcastClientOfflineException || cause instanceof OperationTimeoutException
                    || cause instanceof HazelcastInstanceNotActiveException
                    || cause instanceof TargetDisconnectedException) {
                return CompletableFuture.failedFuture(unavailable(operation, (RuntimeException) cause));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private GridUnavailableException unavailable(String operation, RuntimeException cause) {
        String outcome = (cause instanceof TargetDisconnectedException)
                ? " lost its connection to the member before an answer; a write may or may not have been applied: "
                : " got no answer from the grid within " + Durations.format(this.operationTimeout)
                        + " (operationTimeout): ";
        return new GridUnavailableException("region " + dataClass().id() + ": " + operation + outcome
                + cause.getMessage(), cause);
    }

    @SuppressWarnings("unchecked")
    private static NearCache<Object, Object> nearCacheOf(IMap<Object, Object> map) {
        if (map instanceof com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy<?, ?> nearCached) {
            return nearCached.getNearCache();
        }
        return null;
    }
}

package com.wedsync.grid.client.internal;

import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.client.ReadSource;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CacheRegion} over one IMap of a Hazelcast client with a near cache. The L1 hit
 * path is a near-cache lookup ({@link ClientInternals.NearCacheReader}: Hazelcast's
 * record and checks, one clock read), a counter increment and (one call in
 * {@value RegionMetrics#L1_SAMPLE}) a timer: no allocation, no lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class HazelcastCacheRegion<K, V> implements CacheRegion<K, V> {

    private static final Logger logger = LoggerFactory.getLogger(HazelcastCacheRegion.class);

    private final DataClassPolicy policy;

    private final Class<V> valueType;

    private final IMap<Object, Object> map;

    /** Reads the map's near cache; null if the map has none. */
    private final ClientInternals.NearCacheReader nearCache;

    private final ValueCodec codec;

    private final TtlPolicy ttlPolicy;

    private final RegionMetrics metrics;

    private final RegionLoader<K, V> loading;

    private final Failures failures;

    private final Executor loaders;

    /**
     * Whether the refusal to store loaded values has been logged at WARN since the last
     * stored one.
     */
    private final AtomicBoolean unstoredWarned = new AtomicBoolean();

    HazelcastCacheRegion(DataClassPolicy policy, Class<V> valueType, IMap<Object, Object> map, ValueCodec codec,
            TtlPolicy ttlPolicy, RegionMetrics metrics, GridClientSettings settings, Executor loaders,
            Executor blocking) {
        this.policy = policy;
        this.valueType = valueType;
        this.map = map;
        this.nearCache = ClientInternals.nearCacheReader(map);
        this.codec = codec;
        this.ttlPolicy = ttlPolicy;
        this.metrics = metrics;
        this.loading = new RegionLoader<>(policy, settings, metrics, loaders);
        this.failures = new Failures(policy.dataClass().id(), settings.operationTimeout(), blocking, metrics);
        this.loaders = loaders;
    }

    @Override
    public DataClass dataClass() {
        return this.policy.dataClass();
    }

    @Override
    public V get(K key) {
        return get(key, ReadSource.Observer.NONE);
    }

    @Override
    public V get(K key, ReadSource.Observer observer) {
        checkKey(key);
        if (this.nearCache != null) {
            boolean timed = this.metrics.sampleL1();
            long start = timed ? System.nanoTime() : 0;
            Object cached = this.nearCache.get(key);
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                if (timed) {
                    this.metrics.l1Timed(System.nanoTime() - start);
                }
                observer.observed(ReadSource.L1);
                return value(key, cached);
            }
        }
        long start = System.nanoTime();
        Object stored = remoteGet(key);
        this.metrics.l2Timed(System.nanoTime() - start);
        observer.observed((stored != null) ? ReadSource.L2 : ReadSource.MISS);
        return counted(key, stored);
    }

    @Override
    public Map<K, V> getAll(Set<K> keys) {
        Objects.requireNonNull(keys, "keys");
        checkBatch("keys", keys.size());
        Map<K, V> found = new HashMap<>();
        Set<Object> remote = new HashSet<>();
        for (K key : keys) {
            checkKey(key);
            Object cached = (this.nearCache != null) ? this.nearCache.get(key) : null;
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                found.put(key, value(key, cached));
            }
            else {
                remote.add(key);
            }
        }
        if (!remote.isEmpty()) {
            long start = System.nanoTime();
            Map<Object, Object> stored = this.failures.bounded("getAll", () -> this.map.getAll(remote));
            this.metrics.l2Timed(System.nanoTime() - start);
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
        write(key, value, defaultTtl());
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
    public void putAll(Map<? extends K, ? extends V> entries) {
        Objects.requireNonNull(entries, "entries");
        checkBatch("entries", entries.size());
        Map<Object, Object> stored = new HashMap<>((int) (entries.size() / 0.75f) + 1);
        entries.forEach((key, value) -> stored.put(key, encode(key, value)));
        if (stored.isEmpty()) {
            return;
        }
        // IMap.putAll takes no TTL: its entries get the map's, which the member config
        // sets from the same catalog to ttl.base, the TTL defaultTtl() gives. One call
        // per partition instead of one per entry.
        this.failures.await("putAll", () -> this.map.putAllAsync(stored));
        entries.keySet().forEach(this::written);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Duration ttl = defaultTtl();
        Object stored = encode(key, value);
        Object existing = this.failures.bounded("putIfAbsent",
                () -> this.map.putIfAbsent(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS));
        if (existing == null) {
            this.metrics.writes.increment();
            this.loading.written(key);
        }
        return (existing != null) ? value(key, existing) : null;
    }

    @Override
    public void remove(K key) {
        checkKey(key);
        this.failures.await("remove", () -> this.map.deleteAsync(key));
        written(key);
    }

    @Override
    public void clear() {
        this.failures.bounded("clear", () -> {
            this.map.clear();
            return null;
        });
        this.loading.cleared();
    }

    @Override
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader");
        V value = get(key);
        if (value != null) {
            this.loading.refreshIfDue(key, () -> loadAndStore(key, loader));
            return value;
        }
        if (this.loading.knownAbsent(key)) {
            return null;
        }
        return this.loading.single(key, () -> {
            // Another thread or JVM may have stored it since our read.
            Object stored = remoteGet(key);
            return (stored != null) ? value(key, stored) : loadAndStore(key, loader);
        });
    }

    @Override
    public CompletionStage<V> getAsync(K key) {
        checkKey(key);
        if (this.nearCache != null) {
            Object cached = this.nearCache.get(key);
            if (isValue(cached)) {
                this.metrics.l1Hits.increment();
                return CompletableFuture.completedFuture(value(key, cached));
            }
        }
        long start = System.nanoTime();
        return this.failures.boundedAsync("getAsync", this.map.getAsync(key).thenApply((stored) -> {
            this.metrics.l2Timed(System.nanoTime() - start);
            return counted(key, stored);
        }));
    }

    @Override
    public CompletionStage<Void> putAsync(K key, V value) {
        try {
            Duration ttl = defaultTtl();
            Object stored = encode(key, value);
            return this.failures.boundedAsync("putAsync",
                    this.map.setAsync(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS).thenRun(() -> written(key)));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    @Override
    public CompletionStage<Void> removeAsync(K key) {
        checkKey(key);
        return this.failures.boundedAsync("removeAsync", this.map.deleteAsync(key).thenRun(() -> written(key)));
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

    private V loadAndStore(K key, Function<? super K, ? extends V> loader) {
        V loaded = this.loading.call(key, loader);
        if (loaded != null) {
            Duration ttl = defaultTtl();
            try {
                write(key, loaded, ttl);
            }
            catch (GridUnavailableException ex) {
                if (!Failures.refusedByQuorum(ex)) {
                    throw ex;
                }
                unstored(ex);
                return loaded;
            }
            this.unstoredWarned.compareAndSet(true, false);
            this.loading.loaded(key, ttl);
        }
        return loaded;
    }

    /**
     * A minority side of a split refuses the write of a loaded value but still answers
     * reads: the caller gets the value, uncached (the next miss loads again). Logged at
     * WARN once until a loaded value is stored again.
     */
    private void unstored(GridUnavailableException refusal) {
        this.metrics.loadsUnstored.increment();
        if (this.unstoredWarned.compareAndSet(false, true)) {
            logger.warn(
                    "event=loaded_value_not_stored region={} reason=split_brain_protection error={}"
                            + " (later ones at DEBUG until a loaded value is stored again)",
                    dataClass().id(), refusal.getMessage());
        }
        else {
            logger.debug("event=loaded_value_not_stored region={} reason=split_brain_protection", dataClass().id());
        }
    }

    private void write(K key, V value, Duration ttl) {
        Object stored = encode(key, value);
        this.failures.await("put", () -> this.map.setAsync(key, stored, ttl.toMillis(), TimeUnit.MILLISECONDS));
        written(key);
    }

    /**
     * Reads a key from the grid, waiting at most the operation timeout. With a near
     * cache, the region reserves the key and stores the answer itself, as Hazelcast's
     * blocking read does, before it returns: Hazelcast's asynchronous read would store it
     * later, from another thread that deserializes the value a second time, and the next
     * read of the key could miss L1; handing a blocking read to another thread added 44
     * us to each read (JMH 'L2ReadBenchmark.nearCached', 2026-12-03, on keys the near
     * cache answers locally).
     */
    private Object remoteGet(K key) {
        if (this.nearCache == null) {
            return this.failures.await("get", () -> this.map.getAsync(key));
        }
        long reservation = this.nearCache.reserve(key, this.codec.keyData(key));
        Object stored;
        try {
            stored = this.failures.await("get", () -> this.map.getAsync(key));
        }
        catch (RuntimeException | Error ex) {
            if (reservation != ClientInternals.NOT_RESERVED) {
                this.nearCache.invalidate(key);
            }
            throw ex;
        }
        if (reservation != ClientInternals.NOT_RESERVED) {
            this.nearCache.publish(key, stored, reservation);
        }
        return stored;
    }

    /**
     * After a write's answer: Hazelcast's asynchronous writes drop the key from the near
     * cache when they are sent, not when answered as its blocking ones do, so a read in
     * between may have cached the previous value. Dropping it again keeps a writer
     * reading its own write.
     */
    private void written(K key) {
        this.metrics.writes.increment();
        if (this.nearCache != null) {
            this.nearCache.invalidate(key);
        }
        this.loading.written(key);
    }

    private Object encode(K key, V value) {
        checkKey(key);
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

    private void checkKey(K key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof String text && text.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key of region " + dataClass().id() + " is " + text.length()
                    + " characters long; the limit is " + MAX_KEY_LENGTH + " (starts '" + text.substring(0, 40) + "')");
        }
    }

    private void checkBatch(String field, int size) {
        if (size > MAX_BATCH) {
            throw new IllegalArgumentException(field + " of region " + dataClass().id() + " has " + size
                    + " elements; the limit of one call is " + MAX_BATCH + ": split the batch");
        }
    }

    private Duration defaultTtl() {
        return this.ttlPolicy.ttl(dataClass(), Optional.empty(), AccessHint.NORMAL);
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
        Object value;
        try {
            value = this.codec.decode(stored);
        }
        catch (HazelcastSerializationException ex) {
            throw this.failures.refusedClass("decoding the value of key " + key, ex);
        }
        if (!this.valueType.isInstance(value)) {
            throw new IllegalStateException("region " + dataClass().id() + " holds a " + value.getClass().getName()
                    + " under key " + key + ", not the " + this.valueType.getName() + " this region reads");
        }
        return this.valueType.cast(value);
    }

    private static boolean isValue(Object cached) {
        return ClientInternals.isValue(cached);
    }

}

package com.wedsync.grid.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code getOrLoad} knows about loading one region in this JVM: one load per key at
 * a time, loader calls measured, keys a loader found nothing for (negative caching,
 * optional), and when hot entries are due to reload ahead of their expiry (refresh-ahead,
 * optional, on the settings' clock).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RegionLoader<K, V> {

    private final SingleFlight<K, V> flight;

    private final Cache<K, Boolean> absent;

    private final Cache<K, Long> refreshAt;

    private final double refreshAhead;

    private final Clock clock;

    private final Executor executor;

    private final RegionMetrics metrics;

    RegionLoader(DataClassPolicy policy, GridClientSettings settings, RegionMetrics metrics, Executor executor) {
        this.flight = new SingleFlight<>(settings.loadTimeout());
        this.absent = settings.negativeCacheTtl().isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(settings.negativeCacheTtl()).maximumSize(10_000).build();
        this.refreshAhead = settings.refreshAhead();
        this.refreshAt = (this.refreshAhead == 0) ? null
                : Caffeine.newBuilder().expireAfterWrite(policy.ttl().max()).maximumSize(100_000).build();
        this.clock = settings.clock();
        this.executor = executor;
        this.metrics = metrics;
    }

    /** Runs the load unless one of the key is under way, then shares its result. */
    V single(K key, Supplier<V> load) {
        return this.flight.load(key, load);
    }

    /**
     * Calls the loader, counting and timing it; remembers a key it found nothing for, if
     * negative caching is on.
     */
    V call(K key, Function<? super K, ? extends V> loader) {
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
        if (loaded == null && this.absent != null) {
            this.absent.put(key, Boolean.TRUE);
        }
        return loaded;
    }

    boolean knownAbsent(K key) {
        return this.absent != null && this.absent.getIfPresent(key) != null;
    }

    void written(K key) {
        if (this.absent != null) {
            this.absent.invalidate(key);
        }
    }

    void cleared() {
        if (this.absent != null) {
            this.absent.invalidateAll();
        }
    }

    /**
     * Schedules the key's reload in the last refresh-ahead share of its TTL, at a random
     * point of that window's first half, so that clients and keys loaded together do not
     * all reload together.
     */
    void loaded(K key, Duration ttl) {
        if (this.refreshAt != null) {
            long window = (long) (ttl.toMillis() * this.refreshAhead);
            long jitter = ThreadLocalRandom.current().nextLong(window / 2 + 1);
            this.refreshAt.put(key, this.clock.millis() + ttl.toMillis() - window + jitter);
        }
    }

    /**
     * Starts the key's reload in the background if it is due; one caller wins the due
     * time.
     */
    void refreshIfDue(K key, Supplier<V> reload) {
        if (this.refreshAt == null) {
            return;
        }
        Long due = this.refreshAt.getIfPresent(key);
        if (due != null && this.clock.millis() >= due && this.refreshAt.asMap().remove(key, due)) {
            this.executor.execute(() -> this.flight.load(key, reload));
        }
    }

}

package com.wedsync.grid.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.map.IMap;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.hazelcast.HazelcastConfigFactory;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An L1 hit: a {@link CacheRegion} read of a key its near cache holds, against a plain
 * Caffeine cache of the same keys and values (with the near cache's bounds: size and time
 * to live), and against a bare near-cached Hazelcast {@code IMap.get} (the same
 * near-cache configuration, no wrapper). The difference between the region and the bare
 * map is the wrapper's cost: metrics, the type check and the codec's pass-through. A last
 * read is of a compressed value's L1 hit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1,
        jvmArgsAppend = { BenchGrid.EXPORTS_REF, BenchGrid.OPENS_LANG, BenchGrid.OPENS_NIO, BenchGrid.OPENS_MANAGEMENT,
                BenchGrid.OPENS_MANAGEMENT_INTERNAL, BenchGrid.COMMON_POOL, BenchGrid.QUIET_LOGS })
@State(Scope.Benchmark)
public class NearCacheReadBenchmark {

    private BenchGrid grid;

    private CacheRegion<WeddingKey, String> region;

    private Cache<WeddingKey, String> caffeine;

    private CacheRegion<WeddingKey, String> quotes;

    private IMap<WeddingKey, String> bare;

    /**
     * Starts a member and both clients, stores the keys, and reads each through both near
     * caches.
     */
    @Setup(Level.Trial)
    public void start() {
        this.grid = BenchGrid.start();
        DataClassPolicy policy = CatalogLoader.loadDefault().policy(DataClass.WEDDING_DATA);
        GridClient client = this.grid.client(CatalogLoader.loadDefault());
        this.region = client.region(DataClass.WEDDING_DATA, String.class);
        this.bare = this.grid.bareClient(HazelcastConfigFactory.nearCacheConfig(policy)).getMap(policy.mapName());
        this.caffeine = Caffeine.newBuilder()
            .maximumSize(policy.nearCache().maxEntries())
            .expireAfterWrite(policy.nearCache().ttl())
            .build();
        for (WeddingKey key : BenchGrid.keys()) {
            this.region.put(key, BenchGrid.value(key));
            this.caffeine.put(key, BenchGrid.value(key));
        }
        this.quotes = client.region(DataClass.VENDOR_RESPONSES, String.class);
        String quote = VendorResponses.quote(10 * 1024);
        for (WeddingKey key : BenchGrid.keys()) {
            this.quotes.put(key, quote);
        }
        for (WeddingKey key : BenchGrid.keys()) {
            this.region.get(key);
            this.bare.get(key);
            this.quotes.get(key);
        }
        requireAllNearCached("the region's client", client.hazelcast().getMap(policy.mapName()));
        requireAllNearCached("the bare client", this.bare);
        requireAllNearCached("the quotes' client",
                client.hazelcast().getMap(CatalogLoader.loadDefault().policy(DataClass.VENDOR_RESPONSES).mapName()));
    }

    /** Stops the clients and the member. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        this.grid.close();
    }

    /**
     * (a) A region read answered by the near cache.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String regionL1Get(KeyCursor cursor) {
        return this.region.get(cursor.next());
    }

    /**
     * (b) A Caffeine read of the same key.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String caffeineGet(KeyCursor cursor) {
        return this.caffeine.getIfPresent(cursor.next());
    }

    /**
     * (c) A near-cached Hazelcast map read of the same key, without the region.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String hazelcastNearCacheGet(KeyCursor cursor) {
        return this.bare.get(cursor.next());
    }

    /**
     * A region read answered by the near cache, of a ~10 KiB vendor response stored
     * compressed: the near cache holds the compressed form, which keeps the value once
     * decoded, so only the first hit decompresses.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String regionL1GetCompressed(KeyCursor cursor) {
        return this.quotes.get(cursor.next());
    }

    static void requireAllNearCached(String client, IMap<?, ?> map) {
        long entries = map.getLocalMapStats().getNearCacheStats().getOwnedEntryCount();
        if (entries != BenchGrid.KEYS) {
            throw new IllegalStateException(client + "'s near cache holds " + entries + " of " + BenchGrid.KEYS
                    + " keys: the benchmark would not measure L1 hits alone");
        }
    }

}

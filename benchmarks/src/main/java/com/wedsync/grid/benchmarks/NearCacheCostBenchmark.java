package com.wedsync.grid.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.internal.monitor.impl.NearCacheStatsImpl;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.NearCacheRecord;
import com.hazelcast.internal.nearcache.impl.DefaultNearCache;
import com.hazelcast.internal.nearcache.impl.store.BaseHeapNearCacheRecordStore;
import com.hazelcast.internal.util.Clock;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.internal.BenchNearCacheReader;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.key.WeddingKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 * Where an L1 hit's time goes, layer by layer, on the keys of
 * {@link NearCacheReadBenchmark}: a plain {@code ConcurrentHashMap} and Caffeine (the
 * peers), the lookup in the near cache's record map alone (Hazelcast's
 * {@code ConcurrentReferenceHashMap}, no checks), Hazelcast's {@code NearCache.get} (the
 * record map plus the stale-read check, the expiry check, the access-time and hit
 * updates), and the region's {@code get} over it.
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
public class NearCacheCostBenchmark {

    private BenchGrid grid;

    private CacheRegion<WeddingKey, String> region;

    private NearCache<Object, Object> nearCache;

    private BaseHeapNearCacheRecordStore<Object, Object, ?> records;

    private Cache<WeddingKey, String> caffeine;

    private NearCacheStatsImpl stats;

    private BenchNearCacheReader reader;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final Counter counter = Counter.builder("bench.hits").register(this.meters);

    private final Timer timer = Timer.builder("bench.latency").publishPercentileHistogram().register(this.meters);

    private long maxIdleMillis;

    private final ConcurrentHashMap<WeddingKey, String> map = new ConcurrentHashMap<>();

    /**
     * Starts a member and a client, stores the keys and reads each into the near cache.
     */
    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void start() {
        this.grid = BenchGrid.start();
        DataClassPolicy policy = CatalogLoader.loadDefault().policy(DataClass.WEDDING_DATA);
        GridClient client = this.grid.client(CatalogLoader.loadDefault());
        this.region = client.region(DataClass.WEDDING_DATA, String.class);
        this.caffeine = Caffeine.newBuilder()
            .maximumSize(policy.nearCache().maxEntries())
            .expireAfterWrite(policy.nearCache().ttl())
            .build();
        for (WeddingKey key : BenchGrid.keys()) {
            this.region.put(key, BenchGrid.value(key));
            this.caffeine.put(key, BenchGrid.value(key));
            this.map.put(key, BenchGrid.value(key));
        }
        for (WeddingKey key : BenchGrid.keys()) {
            this.region.get(key);
        }
        NearCachedClientMapProxy<Object, Object> proxy = (NearCachedClientMapProxy<Object, Object>) client.hazelcast()
            .getMap(policy.mapName());
        this.nearCache = proxy.getNearCache();
        this.records = (BaseHeapNearCacheRecordStore<Object, Object, ?>) ((DefaultNearCache<Object, Object>) this.nearCache)
            .getNearCacheRecordStore();
        this.reader = BenchNearCacheReader.of(this.nearCache);
        if (!this.reader.answersHits()) {
            throw new IllegalStateException("the reader hands every read to NearCache.get: nothing to compare");
        }
        this.stats = (NearCacheStatsImpl) this.records.getNearCacheStats();
        this.maxIdleMillis = policy.nearCache().maxIdle().toMillis();
        NearCacheReadBenchmark.requireAllNearCached("the region's client", proxy);
    }

    /** Stops the client and the member. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        this.grid.close();
    }

    /**
     * A plain ConcurrentHashMap read: hashing and comparing the key, nothing else.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String concurrentHashMapGet(KeyCursor cursor) {
        return this.map.get(cursor.next());
    }

    /**
     * A Caffeine read (the peer of {@link NearCacheReadBenchmark}).
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String caffeineGet(KeyCursor cursor) {
        return this.caffeine.getIfPresent(cursor.next());
    }

    /**
     * The near cache's record map alone: the lookup of the record, none of the checks of
     * a near-cache read.
     * @param cursor the thread's key
     * @return the record's value
     */
    @Benchmark
    public Object nearCacheRecordLookup(KeyCursor cursor) {
        NearCacheRecord record = this.records.getRecord(cursor.next());
        return record.getValue();
    }

    /**
     * The record lookup and the stale-read check of Hazelcast's read (the invalidation
     * repair's per-partition UUID and sequence), nothing else.
     * @param cursor the thread's key
     * @return the record's value
     */
    @Benchmark
    public Object lookupAndStaleCheck(KeyCursor cursor) {
        WeddingKey key = cursor.next();
        NearCacheRecord record = this.records.getRecord(key);
        if (this.records.getStaleReadDetector().isStaleRead(key, record)) {
            return null;
        }
        return record.getValue();
    }

    /**
     * The lookup, the stale-read check and the expiry check (one wall-clock read).
     * @param cursor the thread's key
     * @return the record's value
     */
    @Benchmark
    public Object lookupStaleAndExpiryCheck(KeyCursor cursor) {
        WeddingKey key = cursor.next();
        NearCacheRecord record = this.records.getRecord(key);
        if (this.records.getStaleReadDetector().isStaleRead(key, record)) {
            return null;
        }
        long now = Clock.currentTimeMillis();
        if (record.isExpiredAt(now) || record.isIdleAt(this.maxIdleMillis, now)) {
            return null;
        }
        return record.getValue();
    }

    /**
     * The lookup and the checks, with Hazelcast's access bookkeeping: the access time
     * written, the record's hit count and the near cache's hit statistic incremented.
     * @param cursor the thread's key
     * @return the record's value
     */
    @Benchmark
    public Object lookupChecksAndAccessUpdates(KeyCursor cursor) {
        WeddingKey key = cursor.next();
        NearCacheRecord record = this.records.getRecord(key);
        if (this.records.getStaleReadDetector().isStaleRead(key, record)) {
            return null;
        }
        long now = Clock.currentTimeMillis();
        if (record.isExpiredAt(now) || record.isIdleAt(this.maxIdleMillis, now)) {
            return null;
        }
        record.setLastAccessTime(Clock.currentTimeMillis());
        record.incrementHits();
        this.stats.incrementHits();
        return record.getValue();
    }

    /**
     * Hazelcast's near-cache read as the region makes it.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public Object nearCacheGet(KeyCursor cursor) {
        return this.nearCache.get(cursor.next());
    }

    /**
     * The region's near-cache read ({@code NearCacheReader}): the same record, checks and
     * misses as {@link #nearCacheGet}, one wall-clock read and no unconditional writes on
     * a hit.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public Object nearCacheReaderGet(KeyCursor cursor) {
        return this.reader.get(cursor.next());
    }

    /**
     * The region's count of an L1 hit: a Micrometer counter increment (a
     * {@code DoubleAdder}).
     * @return the counter
     */
    @Benchmark
    public Counter hitCounter() {
        this.counter.increment();
        return this.counter;
    }

    /**
     * The region's L1 latency sampling as it was: a random draw on every hit and, one hit
     * in 64, two {@code System.nanoTime} reads and a record into a timer with a
     * percentile histogram.
     * @return the timer
     */
    @Benchmark
    public Timer sampledTimer() {
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            long start = System.nanoTime();
            this.timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return this.timer;
    }

    /**
     * One wall-clock read as Hazelcast's near cache makes it
     * ({@code Clock.currentTimeMillis}), twice per hit.
     * @return the time
     */
    @Benchmark
    public long wallClock() {
        return Clock.currentTimeMillis();
    }

    /**
     * One {@code System.nanoTime}, the read of Caffeine's ticker on each
     * {@code getIfPresent} with a time to live.
     * @return the time
     */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /**
     * The region's L1 hit.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String regionL1Get(KeyCursor cursor) {
        return this.region.get(cursor.next());
    }

}

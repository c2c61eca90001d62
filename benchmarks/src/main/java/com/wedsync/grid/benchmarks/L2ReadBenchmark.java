package com.wedsync.grid.benchmarks;

import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.map.IMap;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.Map;
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
 * An L2 read on one thread, as a latency distribution (sample mode: p50, p99): a
 * {@link CacheRegion} whose client has the class's near cache switched off (a catalog
 * override on the client only), so that every read is a round trip to the member over
 * loopback, and the same client's bare {@code IMap.get} for the wrapper's share. Run with
 * {@code -prof gc -prof com.wedsync.grid.benchmarks.CallerAllocationProfiler} for the
 * allocation: the caller's own ({@code caller.alloc.norm}), and the whole JVM's
 * ({@code gc.alloc.rate.norm}: the client's I/O threads and the member, which runs in the
 * same JVM); {@link #valueCopy} allocates just the value a read returns. The
 * {@code nearCached} pair reads keys no one stored through a client with the class's near
 * cache on. After the first read the near cache holds each as "absent" and answers it
 * locally: the bare map at once, the region (which counts that as an L1 miss) after its
 * own reservation attempt and the map proxy's answer. So the pair measures the region's
 * overhead on such reads, not a round trip.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1,
        jvmArgsAppend = { BenchGrid.EXPORTS_REF, BenchGrid.OPENS_LANG, BenchGrid.OPENS_NIO, BenchGrid.OPENS_MANAGEMENT,
                BenchGrid.OPENS_MANAGEMENT_INTERNAL, BenchGrid.COMMON_POOL, BenchGrid.QUIET_LOGS })
@State(Scope.Benchmark)
public class L2ReadBenchmark {

    private BenchGrid grid;

    private CacheRegion<WeddingKey, String> region;

    private IMap<WeddingKey, String> bare;

    private final char[][] values = new char[BenchGrid.KEYS][];

    private CacheRegion<WeddingKey, String> nearCachedRegion;

    private IMap<WeddingKey, String> nearCachedBare;

    private final WeddingKey[] absent = new WeddingKey[BenchGrid.KEYS];

    /**
     * Starts a member and a client without a wedding-data near cache, and stores the
     * keys.
     */
    @Setup(Level.Trial)
    public void start() {
        this.grid = BenchGrid.start();
        Catalog noNearCache = CatalogLoader.loadDefault(Map.of("wedding_data.near-cache.enabled", "false"));
        GridClient client = this.grid.client(noNearCache);
        this.region = client.region(DataClass.WEDDING_DATA, String.class);
        this.bare = client.hazelcast().getMap(noNearCache.policy(DataClass.WEDDING_DATA).mapName());
        if (this.bare instanceof NearCachedClientMapProxy) {
            throw new IllegalStateException("wedding_data has a near cache: the benchmark would measure L1 hits");
        }
        GridClient nearCaching = this.grid.client(CatalogLoader.loadDefault());
        this.nearCachedRegion = nearCaching.region(DataClass.WEDDING_DATA, String.class);
        this.nearCachedBare = nearCaching.hazelcast().getMap(noNearCache.policy(DataClass.WEDDING_DATA).mapName());
        if (!(this.nearCachedBare instanceof NearCachedClientMapProxy)) {
            throw new IllegalStateException("wedding_data has no near cache: the near-cached pair would not be one");
        }
        for (int i = 0; i < this.absent.length; i++) {
            this.absent[i] = new WeddingKey("w-absent-" + i, "timeline");
        }
        WeddingKey[] keys = BenchGrid.keys();
        for (int i = 0; i < keys.length; i++) {
            this.region.put(keys[i], BenchGrid.value(keys[i]));
            this.values[i] = BenchGrid.value(keys[i]).toCharArray();
        }
    }

    /** Stops the client and the member. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        this.grid.close();
    }

    /**
     * (d) A region read that goes to the grid.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String regionL2Get(KeyCursor cursor) {
        return this.region.get(cursor.next());
    }

    /**
     * The allocation an L2 read cannot avoid: a copy of the value it returns (a String of
     * the same characters), for the B/op of the reads above to be read against.
     * @param cursor the thread's key
     * @return a new copy of the key's value
     */
    @Benchmark
    public String valueCopy(KeyCursor cursor) {
        return new String(this.values[cursor.index()]);
    }

    /**
     * The same read through the bare map of the same client.
     * @param cursor the thread's key
     * @return the value
     */
    @Benchmark
    public String hazelcastL2Get(KeyCursor cursor) {
        return this.bare.get(cursor.next());
    }

    /**
     * A region read on a near-cached class of a key the near cache holds as absent.
     * @param cursor the thread's key
     * @return null
     */
    @Benchmark
    public String nearCachedRegionMiss(KeyCursor cursor) {
        return this.nearCachedRegion.get(this.absent[cursor.index()]);
    }

    /**
     * The same read through the bare near-cached map of the same client, answered by its
     * near cache.
     * @param cursor the thread's key
     * @return null
     */
    @Benchmark
    public String nearCachedHazelcastMiss(KeyCursor cursor) {
        return this.nearCachedBare.get(this.absent[cursor.index()]);
    }

}

package com.wedsync.grid.client.internal;

import com.hazelcast.map.IMap;
import com.hazelcast.nearcache.NearCacheStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import com.wedsync.grid.config.clients.ClientLatency;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The meters of one region on this client. Gets are counted by result; L1 and L2
 * latencies are timed apart (L1 hits one in {@value #L1_SAMPLE} so that timing never
 * dominates a hit that takes tens of nanoseconds); loads, their failures and time, loaded
 * values returned unstored; the compression ratio of compressed values; and the near
 * cache's own statistics, read live. Nothing the client cannot know (a client's map
 * statistics other than the near cache's read 0).
 * <p>
 * Beside the meters, it keeps what the client shares with the cluster
 * ({@link SummaryPublisher}): running totals of reads by layer, writes, errors and
 * timeouts, and an HdrHistogram of read latencies through L1 and L2, where a timed L1 hit
 * counts {@value #L1_SAMPLE} times so that the sampling does not bias the percentiles.
 */
final class RegionMetrics implements Failures.Counts {

    /** One L1 hit in this many is timed. */
    static final int L1_SAMPLE = ClientLatency.L1_TIMED_ONE_IN;

    /**
     * Bucket boundaries the latency histograms always have: the latency alert's
     * thresholds, so that Prometheus resolves a p95 above each exactly (Micrometer's own
     * buckets start at 1 ms and skip 2 ms).
     */
    static final Duration[] LATENCY_THRESHOLDS = { Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2) };

    final Tally l1Hits;

    final Tally l2Hits;

    final Tally misses;

    final Tally writes;

    final Tally errors;

    final Tally timeouts;

    private final Timer l1Latency;

    private final Timer l2Latency;

    /** Read latencies through L1 and L2, in nanoseconds, for the cluster. */
    private final Recorder latency = ClientLatency.recorder();

    final Counter loads;

    final Counter loadFailures;

    final Counter loadsUnstored;

    final Timer loadTime;

    final DistributionSummary compressionRatio;

    RegionMetrics(MeterRegistry registry, String region, IMap<?, ?> map) {
        Tags tags = Tags.of("region", region);
        this.l1Hits = gets(registry, tags, "l1_hit");
        this.l2Hits = gets(registry, tags, "l2_hit");
        this.misses = gets(registry, tags, "miss");
        this.writes = new Tally(Counter.builder("grid.region.writes")
            .tags(tags)
            .description("Puts and removes that the grid answered")
            .register(registry));
        this.errors = failures(registry, tags, "error");
        this.timeouts = failures(registry, tags, "timeout");
        this.l1Latency = latency(registry, tags, "l1", "L1 hits, sampled one in " + L1_SAMPLE);
        this.l2Latency = latency(registry, tags, "l2", "Reads that went to the grid");
        this.loads = Counter.builder("grid.region.loads")
            .tags(tags)
            .tag("result", "success")
            .description("Loader calls made by getOrLoad")
            .register(registry);
        this.loadFailures = Counter.builder("grid.region.loads")
            .tags(tags)
            .tag("result", "failure")
            .description("Loader calls made by getOrLoad")
            .register(registry);
        this.loadsUnstored = Counter.builder("grid.region.loads.unstored")
            .tags(tags)
            .description("Loaded values getOrLoad returned without storing them: split-brain protection refused"
                    + " the write on a minority side of a network split")
            .register(registry);
        this.loadTime = Timer.builder("grid.region.load.time")
            .tags(tags)
            .publishPercentileHistogram()
            .description("Time of loader calls")
            .register(registry);
        this.compressionRatio = DistributionSummary.builder("grid.region.compression.ratio")
            .tags(tags)
            .description("Stored size over serialized size of the values that were compressed")
            .register(registry);
        nearCache(registry, tags, map);
    }

    boolean sampleL1() {
        return ThreadLocalRandom.current().nextInt(L1_SAMPLE) == 0;
    }

    /**
     * Records the time of a timed L1 hit, which stands for {@value #L1_SAMPLE} hits.
     * @param nanos its time
     */
    void l1Timed(long nanos) {
        this.l1Latency.record(nanos, TimeUnit.NANOSECONDS);
        this.latency.recordValueWithCount(ClientLatency.bounded(nanos), L1_SAMPLE);
    }

    /**
     * Records the time of a read that went to the grid.
     * @param nanos its time
     */
    void l2Timed(long nanos) {
        this.l2Latency.record(nanos, TimeUnit.NANOSECONDS);
        this.latency.recordValue(ClientLatency.bounded(nanos));
    }

    /**
     * Adds the read latencies recorded since the last call to a histogram.
     * @param into a histogram of {@link ClientLatency}'s shape
     */
    void addLatencies(Histogram into) {
        into.add(this.latency.getIntervalHistogram());
    }

    @Override
    public void timedOut() {
        this.timeouts.increment();
    }

    @Override
    public void failed() {
        this.errors.increment();
    }

    private static Tally gets(MeterRegistry registry, Tags tags, String result) {
        return new Tally(Counter.builder("grid.region.gets")
            .tags(tags)
            .tag("result", result)
            .description("Reads by where they were answered: l1_hit (near cache), l2_hit (grid) or miss")
            .register(registry));
    }

    private static Tally failures(MeterRegistry registry, Tags tags, String kind) {
        return new Tally(Counter.builder("grid.region.failures")
            .tags(tags)
            .tag("kind", kind)
            .description("Calls the grid failed: timeout (no answer within the operation timeout) or error"
                    + " (unreachable, refused by split-brain protection, a value class not allowed)")
            .register(registry));
    }

    private static Timer latency(MeterRegistry registry, Tags tags, String layer, String description) {
        return Timer.builder("grid.region.latency")
            .tags(tags)
            .tag("layer", layer)
            .publishPercentileHistogram()
            .serviceLevelObjectives(LATENCY_THRESHOLDS)
            .description(description)
            .register(registry);
    }

    private static void nearCache(MeterRegistry registry, Tags tags, IMap<?, ?> map) {
        Gauge.builder("grid.region.near.cache.entries", map, (m) -> stats(m).getOwnedEntryCount())
            .tags(tags)
            .description("Entries in this client's near cache")
            .register(registry);
        counter(registry, tags, map, "grid.region.near.cache.hits", NearCacheStats::getHits);
        counter(registry, tags, map, "grid.region.near.cache.misses", NearCacheStats::getMisses);
        counter(registry, tags, map, "grid.region.near.cache.evictions", NearCacheStats::getEvictions);
        counter(registry, tags, map, "grid.region.near.cache.expirations", NearCacheStats::getExpirations);
        counter(registry, tags, map, "grid.region.near.cache.invalidations", NearCacheStats::getInvalidations);
    }

    private static void counter(MeterRegistry registry, Tags tags, IMap<?, ?> map, String name,
            ToDoubleFunction<NearCacheStats> reader) {
        FunctionCounter.builder(name, map, (m) -> reader.applyAsDouble(stats(m)))
            .tags(tags)
            .description("This client's near-cache statistics, read live")
            .register(registry);
    }

    private static NearCacheStats stats(IMap<?, ?> map) {
        return map.getLocalMapStats().getNearCacheStats();
    }

    /**
     * A counter and its running total: the counter for the registry (whatever its kind,
     * step or cumulative), the total for the interval figures the client shares.
     */
    static final class Tally {

        private final Counter counter;

        private final LongAdder total = new LongAdder();

        Tally(Counter counter) {
            this.counter = counter;
        }

        void increment() {
            this.counter.increment();
            this.total.increment();
        }

        long total() {
            return this.total.sum();
        }

    }

}

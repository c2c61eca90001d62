package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An L1 hit through {@link CacheRegion#get} allocates nothing on the calling thread, as
 * JMH's {@code NearCacheReadBenchmark.regionL1Get} shows with
 * {@code CallerAllocationProfiler}. Measured with the thread's own allocation counter
 * once the path is compiled, over several windows: a window can catch a one-off (a
 * meter's time window rotating), but an allocation on every hit (a capturing lambda, an
 * Optional, a boxed number that the JIT does not remove) fills them all.
 */
class L1HitAllocationIT {

    private static final int KEYS = 64;

    private static final int WARM_UP_READS = 300_000;

    private static final int WINDOW_READS = 20_000;

    private static final int WINDOWS = 5;

    @Test
    void anL1HitAllocatesNothingOnTheCallingThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (LoopbackGrid grid = LoopbackGrid.builder().name("l1-hit-allocation").start(1)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            CacheRegion<WeddingKey, String> region = TestClients.connect(grid, meters)
                .region(DataClass.WEDDING_DATA, String.class);
            WeddingKey[] keys = new WeddingKey[KEYS];
            for (int i = 0; i < KEYS; i++) {
                keys[i] = new WeddingKey("w-alloc-" + i, "timeline");
                region.put(keys[i], "value " + i);
                region.get(keys[i]);
            }
            int found = read(region, keys, WARM_UP_READS);
            assertThat(found).isEqualTo(WARM_UP_READS);
            double l1Before = l1Hits(meters);

            long[] allocated = new long[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                found = read(region, keys, WINDOW_READS);
                allocated[w] = threads.getCurrentThreadAllocatedBytes() - before;
                assertThat(found).isEqualTo(WINDOW_READS);
            }

            System.out.printf("[l1-allocation] bytes allocated by %d L1 hits, per window: %s%n", WINDOW_READS,
                    Arrays.toString(allocated));
            assertThat(l1Hits(meters) - l1Before).as("every read an L1 hit").isEqualTo(WINDOWS * WINDOW_READS);
            assertThat(Arrays.stream(allocated).min().getAsLong()).as("bytes allocated by %d L1 hits", WINDOW_READS)
                .isZero();
        }
    }

    private static int read(CacheRegion<WeddingKey, String> region, WeddingKey[] keys, int reads) {
        int found = 0;
        for (int i = 0; i < reads; i++) {
            if (region.get(keys[i & (KEYS - 1)]) != null) {
                found++;
            }
        }
        return found;
    }

    private static double l1Hits(SimpleMeterRegistry meters) {
        return meters.get("grid.region.gets").tag("region", "wedding_data").tag("result", "l1_hit").counter().count();
    }

}

package com.wedsync.grid.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.target.CaffeineTarget;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.WorkloadSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Retention over a real in-process cache: all kept when everything fits, less of a class
 * its bound squeezed.
 */
class RetentionTests {

    private static final FiniteWorkload WORKLOAD = WorkloadSpec.parse("mix=wedding;weddings=20")
        .create(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void everythingWrittenIsRetainedWhenItFits() {
        try (CaffeineTarget cache = new CaffeineTarget(100_000)) {
            preload(cache);

            Map<DataClass, Double> retention = Retention.measure(WORKLOAD, cache);

            assertThat(retention).containsOnlyKeys(DataClass.values())
                .allSatisfy((dataClass, share) -> assertThat(share).as(dataClass.id()).isEqualTo(1.0));
        }
    }

    @Test
    void aClassLargerThanItsBoundIsRetainedInPart() {
        // 20 weddings x 4 items of wedding data fit in 100 entries; 20 x 100-300 guests
        // do not.
        try (CaffeineTarget cache = new CaffeineTarget(100)) {
            preload(cache);

            // Caffeine evicts on a pool thread, shortly after the writes.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<DataClass, Double> retention = Retention.measure(WORKLOAD, cache);
                assertThat(retention.get(DataClass.WEDDING_DATA)).isEqualTo(1.0);
                assertThat(retention.get(DataClass.GUEST_INTERACTIONS)).isLessThan(0.1);
            });
        }
    }

    private static void preload(CaffeineTarget cache) {
        SplittableRandom random = new SplittableRandom(1);
        WORKLOAD.forEachKey((dataClass, key) -> cache
            .execute(new Operation(OpType.PUT, dataClass, key, WORKLOAD.valueFor(dataClass, random))));
    }

}

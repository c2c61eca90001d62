package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.clients.ClientLatency;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RegionMetricsTests {

    @Test
    void theLatencyHistogramsHaveBucketsAtTheAlertThresholds() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RegionMetrics(registry, "wedding_data", null);

        for (Timer timer : registry.find("grid.region.latency").timers()) {
            double[] bounds = Arrays.stream(timer.takeSnapshot().histogramCounts())
                .mapToDouble((bucket) -> bucket.bucket(TimeUnit.MILLISECONDS))
                .toArray();
            assertThat(bounds).as(timer.getId().toString()).contains(0.5, 1.0, 2.0);
        }
        assertThat(registry.find("grid.region.latency").timers()).hasSize(2);
    }

    @Test
    void aTimedL1HitCountsOnceInItsTimerAndSixtyFourTimesInTheSharedHistogram() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RegionMetrics metrics = new RegionMetrics(registry, "wedding_data", null);

        metrics.l1Timed(300);
        Histogram shared = ClientLatency.histogram();
        metrics.addLatencies(shared);

        assertThat(registry.get("grid.region.latency").tag("layer", "l1").timer().count()).isEqualTo(1);
        assertThat(shared.getTotalCount()).isEqualTo(RegionMetrics.L1_SAMPLE);
    }

}

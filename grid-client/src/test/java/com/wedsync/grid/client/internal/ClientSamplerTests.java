package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ClientSamplerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final Map<DataClass, RegionMetrics> regions = new ConcurrentHashMap<>();

    private final ClientSampler sampler = new ClientSampler("c0ffee00-0000-4000-8000-000000000001", this.regions,
            1_000);

    @Test
    void aSummaryHoldsEachClassInCatalogOrderWithItsIntervalFigures() {
        RegionMetrics vendors = region(DataClass.VENDOR_RESPONSES);
        RegionMetrics weddings = region(DataClass.WEDDING_DATA);
        count(weddings.l1Hits, 640);
        count(weddings.l2Hits, 30);
        count(weddings.misses, 2);
        count(weddings.writes, 7);
        weddings.failed();
        weddings.timedOut();
        weddings.timedOut();
        weddings.l1Timed(200);
        weddings.l2Timed(400_000);
        count(vendors.l2Hits, 1);

        ClientSummary summary = this.sampler.take(6_000);

        assertThat(summary.client()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(summary.atMillis()).isEqualTo(6_000);
        assertThat(summary.intervalMillis()).isEqualTo(5_000);
        assertThat(summary.classes()).containsExactly("wedding_data", "vendor_responses");
        assertThat(summary.l1Hits()).containsExactly(640, 0);
        assertThat(summary.l2Hits()).containsExactly(30, 1);
        assertThat(summary.misses()).containsExactly(2, 0);
        assertThat(summary.writes()).containsExactly(7, 0);
        assertThat(summary.errors()).containsExactly(1, 0);
        assertThat(summary.timeouts()).containsExactly(2, 0);
        Histogram weddingLatency = latency(summary, 0);
        assertThat(weddingLatency.getTotalCount()).as("a timed L1 hit counts " + RegionMetrics.L1_SAMPLE + " times")
            .isEqualTo(RegionMetrics.L1_SAMPLE + 1);
        assertThat(weddingLatency.getValueAtPercentile(50)).isBetween(198L, 202L);
        assertThat(weddingLatency.getMaxValue()).isBetween(396_000L, 404_000L);
        assertThat(latency(summary, 1).getTotalCount()).isZero();
    }

    @Test
    void anUnpublishedSummaryIsCarriedIntoTheNextAndAPublishedOneIsNot() {
        RegionMetrics weddings = region(DataClass.WEDDING_DATA);
        count(weddings.l2Hits, 3);
        weddings.l2Timed(300_000);
        this.sampler.take(6_000);
        // that publish failed: the next summary covers both intervals
        count(weddings.l2Hits, 2);
        weddings.l2Timed(300_000);

        ClientSummary carried = this.sampler.take(11_000);
        this.sampler.published();
        count(weddings.l2Hits, 1);
        ClientSummary next = this.sampler.take(16_000);

        assertThat(carried.l2Hits()).containsExactly(5);
        assertThat(carried.intervalMillis()).isEqualTo(10_000);
        assertThat(latency(carried, 0).getTotalCount()).isEqualTo(2);
        assertThat(next.l2Hits()).containsExactly(1);
        assertThat(next.intervalMillis()).isEqualTo(5_000);
        assertThat(latency(next, 0).getTotalCount()).isZero();
    }

    private RegionMetrics region(DataClass dataClass) {
        RegionMetrics metrics = new RegionMetrics(this.registry, dataClass.id(), null);
        this.regions.put(dataClass, metrics);
        return metrics;
    }

    private static void count(RegionMetrics.Tally tally, int times) {
        for (int i = 0; i < times; i++) {
            tally.increment();
        }
    }

    private static Histogram latency(ClientSummary summary, int index) {
        int offset = Arrays.stream(summary.latencyLengths()).limit(index).sum();
        return ClientLatency
            .decode(Arrays.copyOfRange(summary.latencies(), offset, offset + summary.latencyLengths()[index]));
    }

}

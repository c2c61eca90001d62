package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecordersTests {

    private final LatencyRecorders recorders = new LatencyRecorders();

    @Test
    void intervalsAreSeparateAndAddUpInTheTotals() {
        this.recorders.record(OpType.GET, Layer.L1, 1_000);
        this.recorders.record(OpType.GET, Layer.L1, 2_000);
        this.recorders.record(OpType.PUT, Layer.WRITE, 50_000);
        Map<OpLayer, Histogram> first = this.recorders.sampleInterval();

        assertThat(first.get(new OpLayer(OpType.GET, Layer.L1)).getTotalCount()).isEqualTo(2);
        assertThat(first.get(new OpLayer(OpType.GET, Layer.L2)).getTotalCount()).isZero();

        this.recorders.record(OpType.GET, Layer.L1, 3_000);
        Map<OpLayer, Histogram> second = this.recorders.sampleInterval();

        assertThat(second.get(new OpLayer(OpType.GET, Layer.L1)).getTotalCount()).isEqualTo(1);
        assertThat(this.recorders.totals()).containsOnlyKeys(new OpLayer(OpType.GET, Layer.L1),
                new OpLayer(OpType.PUT, Layer.WRITE));
        assertThat(this.recorders.totals().get(new OpLayer(OpType.GET, Layer.L1)).getTotalCount()).isEqualTo(3);
    }

    @Test
    void latenciesBeyondTheRangeAreClampedNotLost() {
        this.recorders.record(OpType.GET, Layer.L2, TimeUnit.HOURS.toNanos(1));
        this.recorders.record(OpType.GET, Layer.L2, -5);
        this.recorders.sampleInterval();

        Histogram total = this.recorders.totals().get(new OpLayer(OpType.GET, Layer.L2));
        assertThat(total.getTotalCount()).isEqualTo(2);
        assertThat(total.getMinValue()).isZero();
        assertThat(total.valuesAreEquivalent(total.getMaxValue(), LatencyRecorders.HIGHEST_TRACKABLE_NANOS)).isTrue();
    }

    @Test
    void errorsAreCountedPerTypeKeepingTheFirstFewMessages() {
        for (int i = 0; i < 8; i++) {
            this.recorders.recordError(OpType.PUT, new IllegalStateException("boom " + i));
        }
        this.recorders.recordError(OpType.GET, new IllegalStateException("late"));

        assertThat(this.recorders.errors()).containsEntry(OpType.PUT, 8L).containsEntry(OpType.GET, 1L);
        assertThat(this.recorders.totalErrors()).isEqualTo(9);
        assertThat(this.recorders.errorSamples()).hasSize(LatencyRecorders.MAX_ERROR_SAMPLES)
            .first()
            .isEqualTo("PUT: java.lang.IllegalStateException: boom 0");
    }

    @Test
    void tagsNameTheOperationAndTheLayer() {
        assertThat(new OpLayer(OpType.GET, Layer.MISS).tag()).isEqualTo("GET/MISS");
    }
}

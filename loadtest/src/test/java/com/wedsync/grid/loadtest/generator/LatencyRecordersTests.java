package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.Operation;
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

    @Test
    void readsAreCountedPerClassAndLayerAndWritesAreNot() {
        WeddingKey key = new WeddingKey("w-1", "timeline");
        Operation read = new Operation(OpType.GET, DataClass.WEDDING_DATA, key, null);
        this.recorders.recordOutcome(read, Layer.L1, "grid", 1_000);
        this.recorders.recordOutcome(read, Layer.L1, "grid", 1_000);
        this.recorders.recordOutcome(read, Layer.MISS, "grid", 1_000);
        this.recorders.recordOutcome(new Operation(OpType.GET, DataClass.SYSTEM_CACHE, key, null), Layer.L2, "grid", 1);
        this.recorders.recordOutcome(new Operation(OpType.PUT, DataClass.PHOTO_THUMBNAILS, key, new byte[1]),
                Layer.WRITE, "grid", 1);
        this.recorders.recordOutcome(read, null, "grid", 1);

        Map<DataClass, Map<Layer, Long>> reads = this.recorders.readsByClass();

        assertThat(reads).containsOnlyKeys(DataClass.WEDDING_DATA, DataClass.SYSTEM_CACHE);
        assertThat(reads.get(DataClass.WEDDING_DATA)).containsEntry(Layer.L1, 2L)
            .containsEntry(Layer.MISS, 1L)
            .containsEntry(Layer.L2, 0L);
        assertThat(reads.get(DataClass.SYSTEM_CACHE)).containsEntry(Layer.L2, 1L);
        assertThat(this.recorders.totalErrors()).isEqualTo(1);
    }

}

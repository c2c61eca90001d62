package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of one phase of a run: an HdrHistogram {@link Recorder} per (operation,
 * layer) that any number of threads record into, an error counter per operation, and the
 * first few error messages. One sampling thread takes interval histograms from it and
 * adds them to the totals.
 */
final class LatencyRecorders {

    /**
     * Latencies above one minute are recorded as one minute; every run has a hard
     * deadline anyway.
     */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Three significant digits: 1 µs resolution at 1 ms, 1 ms at 1 s. */
    static final int SIGNIFICANT_DIGITS = 3;

    static final int MAX_ERROR_SAMPLES = 5;

    private static final Layer[] LAYERS = Layer.values();

    private final List<OpLayer> series = new ArrayList<>();

    private final Recorder[] recorders;

    private final Histogram[] intervals;

    private final Histogram[] totals;

    private final Map<OpType, LongAdder> errors = new EnumMap<>(OpType.class);

    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger errorSampleSlots = new AtomicInteger(MAX_ERROR_SAMPLES);

    /** Reads per class and layer, for the hit rates of each class. */
    private final LongAdder[] classReads = new LongAdder[DataClass.values().length * LAYERS.length];

    LatencyRecorders() {
        for (int i = 0; i < this.classReads.length; i++) {
            this.classReads[i] = new LongAdder();
        }
        for (OpType type : OpType.values()) {
            this.errors.put(type, new LongAdder());
            for (Layer layer : LAYERS) {
                this.series.add(new OpLayer(type, layer));
            }
        }
        this.recorders = new Recorder[this.series.size()];
        this.intervals = new Histogram[this.series.size()];
        this.totals = new Histogram[this.series.size()];
        for (int i = 0; i < this.recorders.length; i++) {
            this.recorders[i] = new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
            this.totals[i] = newHistogram();
        }
    }

    /**
     * Creates an empty histogram with the recorders' range and precision.
     * @return the histogram
     */
    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /**
     * Records one completed operation; safe from any thread.
     * @param type the operation type
     * @param layer the layer that answered it
     * @param latencyNanos its latency, clamped to [0, {@link #HIGHEST_TRACKABLE_NANOS}]
     */
    void record(OpType type, Layer layer, long latencyNanos) {
        long clamped = Math.max(0, Math.min(latencyNanos, HIGHEST_TRACKABLE_NANOS));
        this.recorders[type.ordinal() * LAYERS.length + layer.ordinal()].recordValue(clamped);
    }

    /**
     * Records one completed operation, or an error if the target reported no layer; safe
     * from any thread.
     * @param operation the operation
     * @param layer the layer the target reported, {@code null} if it reported none
     * @param target the target's name, for the error
     * @param latencyNanos its latency
     */
    void recordOutcome(Operation operation, Layer layer, String target, long latencyNanos) {
        if (layer == null) {
            recordError(operation.type(), new IllegalStateException("target " + target + " returned no layer"));
            return;
        }
        record(operation.type(), layer, latencyNanos);
        if (operation.type() == OpType.GET) {
            this.classReads[operation.dataClass().ordinal() * LAYERS.length + layer.ordinal()].increment();
        }
    }

    /**
     * Returns the reads counted so far per class and the layer that answered them.
     * @return per class that was read, the count per layer (every layer present)
     */
    Map<DataClass, Map<Layer, Long>> readsByClass() {
        Map<DataClass, Map<Layer, Long>> reads = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            Map<Layer, Long> byLayer = new EnumMap<>(Layer.class);
            long total = 0;
            for (Layer layer : LAYERS) {
                long count = this.classReads[dataClass.ordinal() * LAYERS.length + layer.ordinal()].sum();
                byLayer.put(layer, count);
                total += count;
            }
            if (total > 0) {
                reads.put(dataClass, byLayer);
            }
        }
        return reads;
    }

    /**
     * Counts one failed operation and keeps its message if it is among the first few;
     * safe from any thread.
     * @param type the operation type
     * @param failure what the target threw
     */
    void recordError(OpType type, RuntimeException failure) {
        this.errors.get(type).increment();
        // Read before decrementing so that billions of errors cannot wrap the counter
        // around.
        if (this.errorSampleSlots.get() > 0 && this.errorSampleSlots.getAndDecrement() > 0) {
            this.errorSamples.add(type + ": " + failure);
        }
    }

    /**
     * Takes the histograms recorded since the previous call and adds them to the totals.
     * Call from one thread only: the returned histograms are reused by the next call.
     * @return the interval histogram of each series, in {@link OpType} then {@link Layer}
     * order
     */
    Map<OpLayer, Histogram> sampleInterval() {
        Map<OpLayer, Histogram> sampled = new LinkedHashMap<>();
        for (int i = 0; i < this.recorders.length; i++) {
            this.intervals[i] = this.recorders[i].getIntervalHistogram(this.intervals[i]);
            this.totals[i].add(this.intervals[i]);
            sampled.put(this.series.get(i), this.intervals[i]);
        }
        return sampled;
    }

    /**
     * Returns copies of the accumulated histograms, of every series that recorded
     * anything.
     * @return the histograms, in {@link OpType} then {@link Layer} order
     */
    Map<OpLayer, Histogram> totals() {
        Map<OpLayer, Histogram> copies = new LinkedHashMap<>();
        for (int i = 0; i < this.totals.length; i++) {
            if (this.totals[i].getTotalCount() > 0) {
                copies.put(this.series.get(i), this.totals[i].copy());
            }
        }
        return copies;
    }

    /**
     * Returns the errors counted so far per operation type.
     * @return the counts, every type present
     */
    Map<OpType, Long> errors() {
        Map<OpType, Long> counts = new EnumMap<>(OpType.class);
        this.errors.forEach((type, adder) -> counts.put(type, adder.sum()));
        return counts;
    }

    /**
     * Returns the number of errors counted so far.
     * @return the sum over all types
     */
    long totalErrors() {
        return this.errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Returns the messages of the first few errors.
     * @return at most {@link #MAX_ERROR_SAMPLES} messages, in the order they were kept
     */
    List<String> errorSamples() {
        synchronized (this.errorSamples) {
            return List.copyOf(this.errorSamples);
        }
    }

}

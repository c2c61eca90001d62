package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The measured phase of a run (warm-up excluded). Latencies are in nanoseconds; in an
 * open-loop run they count from each operation's intended start, so they include any time
 * the target made the generator wait.
 *
 * @param settings what was asked for
 * @param target the target's name
 * @param closedLoop whether the run was closed loop (maximum throughput; latencies omit
 * queueing) rather than open
 * @param start when the measured phase started
 * @param end when its last operation completed, or the deadline if some never did
 * @param ops the completed operations per (operation, layer)
 * @param errors the failed operations per operation type, every type present
 * @param errorSamples the messages of the first few errors
 * @param achievedRate the completed and failed operations per second between start and
 * end
 * @param histograms the latency histograms per (operation, layer), in nanoseconds; owned
 * by this result
 * @param unissued the operations intended before the end that were never issued because
 * the generator was behind
 * @param abandonedThreads the threads still inside the target at the deadline
 * @param abandonedOps the asynchronous operations (in-flight runs) still not completed at
 * the deadline
 * @param readsByClass the completed reads per class and the layer that answered them
 * @param lateStarts the measured operations the generator issued more than 1 ms after
 * their intended start (open loop): its threads were busy or not scheduled
 * @param maxStartLagNanos the longest such delay
 */
public record RunResult(RunSettings settings, String target, boolean closedLoop, Instant start, Instant end,
        Map<OpLayer, Long> ops, Map<OpType, Long> errors, List<String> errorSamples, double achievedRate,
        Map<OpLayer, Histogram> histograms, long unissued, int abandonedThreads, long abandonedOps,
        Map<DataClass, Map<Layer, Long>> readsByClass, long lateStarts, long maxStartLagNanos) {

    /**
     * The share of measured operations issued late above which a run says its generator
     * fell behind.
     */
    public static final double BEHIND_SHARE = 0.01;

    /**
     * Copies the collections so that the result cannot change.
     */
    public RunResult {
        ops = Collections.unmodifiableMap(new LinkedHashMap<>(ops));
        Map<OpType, Long> errorsCopy = new EnumMap<>(OpType.class);
        errorsCopy.putAll(errors);
        errors = Collections.unmodifiableMap(errorsCopy);
        errorSamples = List.copyOf(errorSamples);
        histograms = Collections.unmodifiableMap(new LinkedHashMap<>(histograms));
        Map<DataClass, Map<Layer, Long>> readsCopy = new EnumMap<>(DataClass.class);
        readsByClass.forEach((dataClass, byLayer) -> readsCopy.put(dataClass, Map.copyOf(byLayer)));
        readsByClass = Collections.unmodifiableMap(readsCopy);
    }

    /**
     * Creates a result with no abandoned asynchronous operations, as a run without
     * operations in flight has, and no reads by class.
     * @param settings see {@link #settings()}
     * @param target see {@link #target()}
     * @param closedLoop see {@link #closedLoop()}
     * @param start see {@link #start()}
     * @param end see {@link #end()}
     * @param ops see {@link #ops()}
     * @param errors see {@link #errors()}
     * @param errorSamples see {@link #errorSamples()}
     * @param achievedRate see {@link #achievedRate()}
     * @param histograms see {@link #histograms()}
     * @param unissued see {@link #unissued()}
     * @param abandonedThreads see {@link #abandonedThreads()}
     */
    public RunResult(RunSettings settings, String target, boolean closedLoop, Instant start, Instant end,
            Map<OpLayer, Long> ops, Map<OpType, Long> errors, List<String> errorSamples, double achievedRate,
            Map<OpLayer, Histogram> histograms, long unissued, int abandonedThreads) {
        this(settings, target, closedLoop, start, end, ops, errors, errorSamples, achievedRate, histograms, unissued,
                abandonedThreads, 0, Map.of(), 0, 0);
    }

    /**
     * Tells whether the generator fell behind its schedule: an open-loop run that left
     * intended operations unissued, or issued more than {@link #BEHIND_SHARE} of them
     * over 1 ms late. Its latencies still count from the intended starts, but part of
     * them is the generator's own delay, not the target's.
     * @return {@code true} if it fell behind
     */
    public boolean behindSchedule() {
        long issued = totalOps() + totalErrors();
        return !this.closedLoop && (this.unissued > 0 || (issued > 0 && this.lateStarts > BEHIND_SHARE * issued));
    }

    /**
     * Returns the length of the measured phase.
     * @return from start to end
     */
    public Duration measured() {
        return Duration.between(this.start, this.end);
    }

    /**
     * Returns the operations that completed without error.
     * @return the sum of {@link #ops()}
     */
    public long totalOps() {
        return this.ops.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the operations that failed.
     * @return the sum of {@link #errors()}
     */
    public long totalErrors() {
        return this.errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the latencies of all layers of one operation type, merged.
     * @param type the operation type
     * @return a new histogram, empty if no such operation completed
     */
    public Histogram histogram(OpType type) {
        Histogram merged = LatencyRecorders.newHistogram();
        this.histograms.forEach((series, histogram) -> {
            if (series.type() == type) {
                merged.add(histogram);
            }
        });
        return merged;
    }
}

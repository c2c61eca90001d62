package com.wedsync.grid.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The bytes the benchmark's own threads (the callers) allocate per operation:
 * {@code caller.alloc.norm}.
 * <p>
 * JMH's {@code -prof gc} ({@code gc.alloc.rate.norm}) divides what every thread of the
 * JVM allocated by the operations (JMH 1.37 sums
 * {@code ThreadMXBean.getThreadAllocatedBytes} over all threads), and a benchmark JVM
 * here also runs a Hazelcast member and clients, whose own threads (heartbeats, metrics,
 * partition and invalidation tasks) allocate about 1 MB/s whatever the benchmark does:
 * alone, that reads as 0.05 to 0.3 B/op for a 50 to 250 ns operation, Caffeine's
 * included. This profiler counts only what the benchmark threads allocate between the
 * start and the end of each iteration's calls, as {@link KeyCursor} takes it, so that a
 * read that allocates nothing reads 0; a benchmark without a KeyCursor gets no figure.
 * Run it next to {@code -prof gc}:
 * {@code -prof com.wedsync.grid.benchmarks.CallerAllocationProfiler}. For a remote read,
 * what the member and the client's I/O threads allocate for it is in {@code -prof gc},
 * not here.
 * <p>
 * It also reports the benchmark threads' CPU time per operation
 * ({@code caller.cpu.norm}): on a machine shared with other work, the wall-clock score
 * includes the time the thread waited for a CPU, and this does not.
 */
public final class CallerAllocationProfiler implements InternalProfiler {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    private static final LongAdder ALLOCATED = new LongAdder();

    private static final LongAdder CPU_NANOS = new LongAdder();

    private static final LongAdder REPORTS = new LongAdder();

    static long currentThreadAllocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    static long currentThreadCpuTime() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static void add(long bytes, long cpuNanos) {
        ALLOCATED.add(bytes);
        CPU_NANOS.add(cpuNanos);
        REPORTS.increment();
    }

    @Override
    public String getDescription() {
        return "bytes allocated and CPU time used per operation by the benchmark's own threads during the measured calls";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        ALLOCATED.reset();
        CPU_NANOS.reset();
        REPORTS.reset();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        if (REPORTS.sum() == 0) {
            // no KeyCursor took part: nothing was measured, which is not 0
            return List.of();
        }
        long ops = result.getMetadata().getAllOps();
        double norm = (ops > 0) ? (double) ALLOCATED.sum() / ops : Double.NaN;
        double cpu = (ops > 0) ? (double) CPU_NANOS.sum() / ops : Double.NaN;
        return List.of(new ScalarResult("caller.alloc.norm", norm, "B/op", AggregationPolicy.AVG),
                new ScalarResult("caller.cpu.norm", cpu, "ns/op", AggregationPolicy.AVG));
    }

}

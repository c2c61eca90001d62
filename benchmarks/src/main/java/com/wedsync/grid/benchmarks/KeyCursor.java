package com.wedsync.grid.benchmarks;

import com.wedsync.grid.config.key.WeddingKey;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each benchmark thread's walk over the fixed key set, so that threads never share a
 * counter. It also takes the thread's allocation counter at the start and end of each
 * iteration, around the measured calls only (JMH runs trial set-up and tear-down on the
 * same thread), and its CPU time, for {@link CallerAllocationProfiler}.
 */
@State(Scope.Thread)
public class KeyCursor {

    private final WeddingKey[] keys = BenchGrid.keys();

    private int next;

    private long allocatedAtStart;

    private long cpuAtStart;

    /**
     * Returns the next key, cycling through all of them.
     * @return the key
     */
    public WeddingKey next() {
        return this.keys[this.next++ & (BenchGrid.KEYS - 1)];
    }

    /**
     * Advances to the next key, cycling through all of them.
     * @return its index in {@link BenchGrid#keys()}
     */
    public int index() {
        return this.next++ & (BenchGrid.KEYS - 1);
    }

    /** Takes the thread's allocation counter before the iteration's calls. */
    @Setup(Level.Iteration)
    public void startIteration() {
        this.allocatedAtStart = CallerAllocationProfiler.currentThreadAllocatedBytes();
        this.cpuAtStart = CallerAllocationProfiler.currentThreadCpuTime();
    }

    /** Adds what the thread allocated during the iteration's calls. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        CallerAllocationProfiler.add(CallerAllocationProfiler.currentThreadAllocatedBytes() - this.allocatedAtStart,
                CallerAllocationProfiler.currentThreadCpuTime() - this.cpuAtStart);
    }

}

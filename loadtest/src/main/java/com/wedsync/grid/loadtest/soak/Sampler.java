package com.wedsync.grid.loadtest.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every process on a schedule of elapsed load time: at the start, at every multiple
 * of the interval, at the end of the warm-up and at the end. Told the elapsed time by the
 * load's progress ticks, so it keeps no clock of its own and runs on the thread that
 * tells it. A process that cannot be read gets a sample without figures, and the failure
 * is kept for the verdict.
 */
public final class Sampler {

    private final List<ProcessProbe> probes;

    private final long intervalNanos;

    private final long warmupNanos;

    private final long endNanos;

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private final List<String> failures = new ArrayList<>();

    private long nextNanos;

    /**
     * Creates a sampler.
     * @param probes the processes, in report order
     * @param interval the time between samples
     * @param warmup when the warm-up ends
     * @param end when the load ends
     */
    public Sampler(List<ProcessProbe> probes, Duration interval, Duration warmup, Duration end) {
        this.probes = List.copyOf(probes);
        this.intervalNanos = interval.toNanos();
        this.warmupNanos = warmup.toNanos();
        this.endNanos = end.toNanos();
        this.probes.forEach((probe) -> this.samples.put(probe.name(), new ArrayList<>()));
    }

    /**
     * Takes a sample of every process if one is due.
     * @param elapsed the load's time so far
     * @return whether a sample was taken
     */
    public boolean offer(Duration elapsed) {
        long now = elapsed.toNanos();
        if (now < this.nextNanos) {
            return false;
        }
        for (ProcessProbe probe : this.probes) {
            this.samples.get(probe.name()).add(new Sample(now / 1e9, read(probe, now)));
        }
        long next = (now / this.intervalNanos + 1) * this.intervalNanos;
        this.nextNanos = Math.min(next, (now < this.warmupNanos) ? this.warmupNanos : Long.MAX_VALUE);
        this.nextNanos = Math.min(this.nextNanos, (now < this.endNanos) ? this.endNanos : Long.MAX_VALUE);
        return true;
    }

    /**
     * Returns the samples so far.
     * @return one entry per process, in report order
     */
    public List<ProcessSamples> samples() {
        return this.probes.stream()
            .map((probe) -> new ProcessSamples(probe.name(), probe.series(), this.samples.get(probe.name())))
            .toList();
    }

    /**
     * Returns the readings that failed.
     * @return one line each, naming the process and the time
     */
    public List<String> failures() {
        return List.copyOf(this.failures);
    }

    private Map<Series, Double> read(ProcessProbe probe, long now) {
        try {
            return probe.read();
        }
        catch (RuntimeException ex) {
            this.failures.add(probe.name() + " at " + now / 1_000_000_000L + " s: " + ex.getMessage());
            return Map.of();
        }
    }

}

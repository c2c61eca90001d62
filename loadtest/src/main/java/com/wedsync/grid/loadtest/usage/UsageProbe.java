package com.wedsync.grid.loadtest.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Records, over one measured phase, what each process used (CPU seconds, per 1,000
 * operations, and collector pauses) and the share of the machine's CPU time the
 * hypervisor stole.
 */
public final class UsageProbe {

    private final List<ProcessSource> sources;

    private final List<OptionalDouble> cpuSeconds = new ArrayList<>();

    private OptionalLong[] ticksBefore;

    private OptionalLong[] ticksAfter;

    /**
     * Creates a probe.
     * @param sources the processes to read, in report order
     */
    public UsageProbe(List<ProcessSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Takes the readings at the start of the measured phase. */
    public void begin() {
        this.ticksBefore = ProcFs.cpuTicks();
        this.sources.forEach(ProcessSource::begin);
    }

    /**
     * Takes the readings at the end of the measured phase.
     * @throws IllegalStateException if {@link #begin()} was not called
     */
    public void end() {
        if (this.ticksBefore == null) {
            throw new IllegalStateException("begin() was not called");
        }
        this.cpuSeconds.clear();
        for (ProcessSource source : this.sources) {
            this.cpuSeconds.add(source.endCpuSeconds());
        }
        this.ticksAfter = ProcFs.cpuTicks();
    }

    /**
     * Returns what each process used between {@link #begin()} and {@link #end()}.
     * @param ops the operations the phase completed or failed, for the per-1,000 figures
     * @return each process's usage and the machine's stolen time
     * @throws IllegalStateException if {@link #end()} was not called
     */
    public Result result(long ops) {
        if (this.ticksAfter == null) {
            throw new IllegalStateException("end() was not called");
        }
        List<ProcessUsage> usages = new ArrayList<>();
        for (int i = 0; i < this.sources.size(); i++) {
            ProcessSource source = this.sources.get(i);
            OptionalDouble cpu = this.cpuSeconds.get(i);
            double seconds = cpu.orElse(-1);
            double per1000 = (cpu.isPresent() && ops > 0) ? seconds * 1000 / ops : -1;
            usages.add(new ProcessUsage(source.name(), source.runtime(), seconds, per1000, source.gc()));
        }
        double stealSeconds = -1;
        double stealShare = -1;
        if (this.ticksBefore[0].isPresent() && this.ticksAfter[0].isPresent()) {
            long total = this.ticksAfter[0].getAsLong() - this.ticksBefore[0].getAsLong();
            long steal = this.ticksAfter[1].getAsLong() - this.ticksBefore[1].getAsLong();
            stealSeconds = ProcFs.seconds(steal);
            stealShare = (total > 0) ? (double) steal / total : 0;
        }
        return new Result(usages, stealSeconds, stealShare);
    }

    /**
     * A phase's usage.
     *
     * @param processes each process's
     * @param stealSeconds CPU time the hypervisor stole from the machine (all CPUs), or
     * -1 if unknown
     * @param stealShare that as a share of the machine's CPU time, or -1
     */
    public record Result(List<ProcessUsage> processes, double stealSeconds, double stealShare) {

        /**
         * Returns the result as a report section.
         * @return an ordered map, ready for JSON
         */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("stealSeconds", round(this.stealSeconds, 2));
            map.put("stealShare", round(this.stealShare, 4));
            List<Map<String, Object>> processes = new ArrayList<>();
            for (ProcessUsage usage : this.processes) {
                Map<String, Object> process = new LinkedHashMap<>();
                process.put("name", usage.name());
                process.put("runtime", usage.runtime());
                process.put("cpuSeconds", round(usage.cpuSeconds(), 2));
                process.put("cpuSecondsPer1000Ops", round(usage.cpuSecondsPer1000Ops(), 5));
                if (usage.gc() != null) {
                    GcFigures gc = usage.gc();
                    Map<String, Object> pauses = new LinkedHashMap<>();
                    pauses.put("count", gc.count());
                    pauses.put("totalMillis", round(gc.totalMillis(), 1));
                    // A pause longer than the largest bucket has no bound to report:
                    // null, and over10Millis counts it.
                    pauses.put(gc.maxExact() ? "maxMillis" : "maxMillisAtMost",
                            Double.isFinite(gc.maxMillis()) ? round(gc.maxMillis(), 1) : null);
                    pauses.put("over10Millis", gc.over10Millis());
                    process.put("gcPauses", pauses);
                }
                processes.add(process);
            }
            map.put("processes", processes);
            return map;
        }

        private static double round(double value, int digits) {
            double scale = Math.pow(10, digits);
            return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
        }
    }

}

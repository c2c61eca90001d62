package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.autoscale.AutoscalePolicy;
import com.wedsync.grid.loadtest.autoscale.Autoscaler;
import com.wedsync.grid.loadtest.autoscale.FleetScaling;
import com.wedsync.grid.loadtest.autoscale.ScalingEvent;
import com.wedsync.grid.loadtest.generator.Arrival;
import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.RateProfile;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.nodes.NodeFleet;
import com.wedsync.grid.loadtest.nodes.NodeLaunch;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.loadtest.report.SaturdayReport;
import com.wedsync.grid.loadtest.scenario.SaturdayPlan;
import com.wedsync.grid.loadtest.target.GridTarget;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a simulated Saturday: start the members with their clocks shifted to Friday
 * night, preload, let an autoscaler follow the advisor (or only watch it, for a fixed
 * cluster), wait until the members' Saturday is the warm-up and the hold away, drive the
 * ramp, and gather the timeline, the scaling events and the latency through the peak.
 */
final class SaturdayRun {

    private final SaturdayPlan plan;

    private final AutoscalePolicy policy;

    private final Settings settings;

    private final PrintStream out;

    SaturdayRun(SaturdayPlan plan, AutoscalePolicy policy, Settings settings, PrintStream out) {
        this.plan = plan;
        this.policy = policy;
        this.settings = settings;
        this.out = out;
    }

    /**
     * What the runs share besides the plan.
     *
     * @param launch how members are launched (its count and options are the run's own)
     * @param workload the operations
     * @param threads the generator threads
     * @param warmup the unrecorded time before the measured phase, at the ordinary rate
     * @param pollInterval how often the autoscaler reads the advice
     * @param setupAllowance how long starting the members and preloading may take before
     * the warm-up starts
     * @param stopTimeout how long a member stopped by the autoscaler may take to leave
     */
    record Settings(NodeLaunch launch, FiniteWorkload workload, int threads, Duration warmup, Duration pollInterval,
            Duration setupAllowance, Duration stopTimeout) {
    }

    /**
     * Runs once.
     * @param follow {@code true} for the cluster following the advisor, {@code false} for
     * a fixed one
     * @param members the members at the start
     * @param folder where the run's interval log and members' logs go
     * @return the run's part of the report
     */
    Map<String, Object> run(boolean follow, int members, Path folder) {
        String mode = follow ? "advisor" : "fixed " + members;
        Instant warmupStart = Instant.now().plus(this.settings.setupAllowance());
        Instant rampStart = warmupStart.plus(this.settings.warmup()).plus(this.plan.hold());
        Duration offset = this.plan.clockOffset(rampStart);
        List<String> options = new ArrayList<>(this.settings.launch().extraJvmOptions());
        options.addAll(this.plan.nodeOptions(offset, this.policy.minMembers(), this.policy.maxMembers()));
        NodeLaunch base = this.settings.launch();
        NodeLaunch launch = new NodeLaunch(members, base.launcher(), base.jar(), base.javaHome(), base.heapMib(),
                base.memoryLimitMib(), options, base.readyTimeout(), folder.resolve("nodes"));
        this.out.printf("%s: starting %d member(s), their clocks %s s off (Saturday at the ramp's start)%n", mode,
                members, offset.toSeconds());
        try (NodeFleet fleet = NodeFleet.start(launch);
                GridTarget grid = Targets.openGrid("grid-l2", new Targets.TargetOptions(fleet.addresses(),
                        fleet.clusterName(), 0, base.memoryLimitMib() << 20, "redis://127.0.0.1:6379"))) {
            preload(grid);
            FleetScaling scaled = new FleetScaling(fleet, this.settings.stopTimeout());
            try (Autoscaler autoscaler = follow
                    ? Autoscaler.following(scaled, this.policy, this.settings.pollInterval(), Clock.systemUTC())
                    : Autoscaler.watching(scaled, this.settings.pollInterval(), Clock.systemUTC())) {
                Duration late = awaitUntil(warmupStart);
                // Started with the warm-up, not before: the preload's burst of writes
                // is then out of the advisor's load window, and only the run's load is
                // followed.
                autoscaler.start();
                Duration hold = this.plan.hold().minus(late);
                if (late.compareTo(Duration.ofSeconds(1)) > 0) {
                    this.out.printf("%s: the setup took %d s longer than --setup-allowance; the hold is %d s%n", mode,
                            late.toSeconds(), Math.max(0, hold.toSeconds()));
                }
                RateProfile profile = new RateProfile(this.plan.peakMultiplier(),
                        hold.isNegative() ? Duration.ZERO : hold, this.plan.ramp(), this.plan.top(), this.plan.fall());
                Duration measured = this.plan.measured().minus(this.plan.hold()).plus(profile.hold());
                Map<String, Object> run = drive(mode, grid, autoscaler, profile, measured, folder);
                run.put("startMembers", members);
                run.put("clockOffsetSeconds", offset.toSeconds());
                run.put("nodeJvmOptions", launch.javaOpts());
                return run;
            }
        }
    }

    private Map<String, Object> drive(String mode, GridTarget grid, Autoscaler autoscaler, RateProfile profile,
            Duration measured, Path folder) {
        RunSettings settings = new RunSettings(this.plan.ordinaryRate(), Arrival.CONSTANT, this.settings.threads(),
                this.settings.warmup(), measured, RunSettings.DEFAULT_GRACE, RunSettings.DEFAULT_SEED)
            .withProfile(profile);
        List<SaturdayReport.Point> timeline = new ArrayList<>();
        long warmupNanos = this.settings.warmup().toNanos();
        Path hlog = folder.resolve("latency.hlog");
        RunResult result = new LoadRunner(settings, this.settings.workload(), grid).onProgress((p) -> {
            long into = p.elapsed().toNanos() - warmupNanos;
            double offered = this.plan.ordinaryRate() * profile.multiplier(into);
            SaturdayReport.Point point = new SaturdayReport.Point(into / 1e9, offered, p.opsPerSecond(), p.p99Micros(),
                    autoscaler.members(), autoscaler.desired());
            timeline.add(point);
            if (timeline.size() % 5 == 0) {
                this.out.printf(
                        "[%s %5.0f s] offered %,6.0f achieved %,6.0f ops/s, p99 %,9.1f us, members %d, "
                                + "desired %d%n",
                        mode, point.seconds(), offered, p.opsPerSecond(), p.p99Micros(), point.members(),
                        point.desired());
            }
        }).intervalLog(hlog).run();
        Instant peakStart = result.start().plus(profile.hold());
        Instant peakEnd = peakStart.plus(this.plan.ramp()).plus(this.plan.top()).plus(this.plan.fall());
        Instant topStart = peakStart.plus(this.plan.ramp());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("mode", mode);
        run.put("follows", autoscaler.follows());
        run.put("peakWindowSeconds", List.of(profile.hold().toMillis() / 1000.0,
                Duration.between(result.start(), peakEnd).toMillis() / 1000.0));
        run.put("peakLatencyMicros", SaturdayReport.latency(hlog, peakStart, peakEnd));
        run.put("topLatencyMicros", SaturdayReport.latency(hlog, topStart, topStart.plus(this.plan.top())));
        run.put("membersDuringPeak", membersBetween(timeline, profile.hold().toMillis() / 1000.0,
                Duration.between(result.start(), peakEnd).toMillis() / 1000.0));
        run.put("errors", result.totalErrors());
        run.put("events", events(autoscaler.events(), result.start()));
        run.put("timeline", timeline.stream().map(SaturdayReport.Point::toMap).toList());
        run.put("run", RunReport.of("simulated-saturday", this.settings.workload().describe(), autoscaler.members(),
                result, List.of()));
        return run;
    }

    private static String membersBetween(List<SaturdayReport.Point> timeline, double from, double to) {
        IntSummaryStatistics members = timeline.stream()
            .filter((p) -> p.seconds() >= from && p.seconds() < to)
            .mapToInt(SaturdayReport.Point::members)
            .summaryStatistics();
        if (members.getCount() == 0) {
            return "n/a";
        }
        return (members.getMin() == members.getMax()) ? String.valueOf(members.getMin())
                : members.getMin() + "-" + members.getMax();
    }

    private static List<Map<String, Object>> events(List<ScalingEvent> events, Instant measuredStart) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScalingEvent event : events) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seconds", Math.round(Duration.between(measuredStart, event.at()).toMillis() / 100.0) / 10.0);
            map.put("at", event.at().toString());
            map.put("kind", event.kind());
            map.put("members", event.members());
            map.put("desired", event.desired());
            map.put("detail", event.detail());
            list.add(map);
        }
        return list;
    }

    /**
     * Writes every key once at the ordinary rate, not as fast as the grid takes them: an
     * unpaced burst made the advisor ask for a second member, which its scale-in
     * stabilisation then held for 5 minutes into the run.
     */
    private void preload(GridTarget grid) {
        long start = System.nanoTime();
        double gapNanos = 1e9 / this.plan.ordinaryRate();
        SplittableRandom random = new SplittableRandom(7);
        long[] count = new long[1];
        FiniteWorkload load = this.settings.workload();
        load.forEachKey((dataClass, key) -> {
            long due = start + (long) (count[0] * gapNanos);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            grid.execute(new Operation(OpType.PUT, dataClass, key, load.valueFor(dataClass, random)));
            count[0]++;
        });
        this.out.printf("preloaded %,d keys in %.1f s, at the ordinary rate%n", count[0],
                (System.nanoTime() - start) / 1e9);
    }

    private static Duration awaitUntil(Instant when) {
        while (Instant.now().isBefore(when)) {
            LockSupport.parkNanos(Math.min(Duration.between(Instant.now(), when).toNanos(), 1_000_000_000L));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the warm-up");
            }
        }
        return Duration.between(when, Instant.now());
    }

}

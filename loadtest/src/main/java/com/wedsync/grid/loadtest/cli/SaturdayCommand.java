package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.calendar.TrafficMultipliers;
import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.autoscale.AutoscalePolicy;
import com.wedsync.grid.loadtest.nodes.NodeLaunch;
import com.wedsync.grid.loadtest.report.SaturdayReport;
import com.wedsync.grid.loadtest.scenario.SaturdayPlan;
import com.wedsync.grid.loadtest.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code saturday}: a simulated Saturday, once with the cluster following the capacity
 * advisor as an autoscaler would and once with a fixed cluster; {@code saturday.json} and
 * {@code saturday.html} with the p99 through the peak of both.
 */
@Command(name = "saturday", mixinStandardHelpOptions = true,
        description = "A simulated Saturday: grid-node members whose clocks say Friday night is turning into "
                + "Saturday, an open-loop load (grid-l2: every operation reaches a member) that ramps from an "
                + "ordinary hour to the traffic calendar's Saturday peak and back, run once with an autoscaler "
                + "that starts and stops members as the capacity advisor asks (after --provisioning-delay, one at a "
                + "time) and once with a fixed cluster. Writes saturday.json and saturday.html.")
final class SaturdayCommand implements Callable<Integer> {

    /**
     * Each member's cache memory unless {@code --memory-limit} says otherwise: enough
     * that the default workload leaves every class under the memory alert's warning (a
     * memory alert would add members for its own reason and blur the advisor's
     * prediction).
     */
    private static final long MEMORY_MIB = 1024;

    @Option(names = "--ordinary-rate", defaultValue = "400",
            description = "operations per second of an ordinary hour; the peak is this times the calendar's "
                    + "Saturday multiplier (default: ${DEFAULT-VALUE})")
    double ordinaryRate;

    @Option(names = "--member-capacity", defaultValue = "1000",
            description = "the ops/s the advisor counts one member for (grid.scaling.member-capacity-ops-per-second; "
                    + "default: ${DEFAULT-VALUE})")
    double memberCapacity;

    @Option(names = "--lead-time", defaultValue = "150s",
            description = "how long before the Saturday the advisor covers it (grid.scaling.lead-time, at least 1m; "
                    + "default: ${DEFAULT-VALUE})")
    String leadTime;

    @Option(names = "--load-window", defaultValue = "1m",
            description = "the period the advisor averages the load over (grid.scaling.load-window; default: "
                    + "${DEFAULT-VALUE})")
    String loadWindow;

    @Option(names = "--provisioning-delay", defaultValue = "30s",
            description = "how long after the advice first differs a member is started or stopped (default: "
                    + "${DEFAULT-VALUE})")
    String provisioningDelay;

    @Option(names = "--min-members", defaultValue = "1",
            description = "the fewest members, where the advisor's run starts (default: ${DEFAULT-VALUE})")
    int minMembers;

    @Option(names = "--max-members", defaultValue = "3", description = "the most members (default: ${DEFAULT-VALUE})")
    int maxMembers;

    @Option(names = "--fixed-members", description = "the fixed cluster's members (default: --min-members)")
    Integer fixedMembers;

    @Option(names = "--clusters", defaultValue = "advisor,fixed", split = ",",
            description = "which runs, in order: advisor, fixed or both (default: ${DEFAULT-VALUE})")
    List<String> clusters;

    @Option(names = "--saturday",
            description = "the Saturday the members believe is starting, e.g. 2027-06-05 (in the season: x7.5); "
                    + "default: the next one")
    String saturday;

    @Option(names = "--warmup", defaultValue = "30s",
            description = "unrecorded time at the ordinary rate first (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--hold", defaultValue = "3m",
            description = "the ordinary rate before the Saturday starts (default: ${DEFAULT-VALUE})")
    String hold;

    @Option(names = "--ramp", defaultValue = "90s", description = "the ramp to the peak (default: ${DEFAULT-VALUE})")
    String ramp;

    @Option(names = "--top", defaultValue = "2m", description = "the peak held (default: ${DEFAULT-VALUE})")
    String top;

    @Option(names = "--fall", defaultValue = "90s",
            description = "the fall back to the ordinary rate (default: ${DEFAULT-VALUE})")
    String fall;

    @Option(names = "--tail", defaultValue = "30s",
            description = "the ordinary rate after the fall (default: ${DEFAULT-VALUE})")
    String tail;

    @Option(names = "--threads", defaultValue = "4", description = "generator threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--workload", defaultValue = "mix=wedding;weddings=20",
            description = "workload spec (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--poll-interval", defaultValue = "1s",
            description = "how often the autoscaler reads the advice (default: ${DEFAULT-VALUE})")
    String pollInterval;

    @Option(names = "--setup-allowance", defaultValue = "90s",
            description = "time allowed for starting the members and preloading before the warm-up; the members' "
                    + "clocks are set from it (default: ${DEFAULT-VALUE})")
    String setupAllowance;

    @Option(names = "--stop-timeout", defaultValue = "60s",
            description = "how long a member the autoscaler stops may take to leave (default: ${DEFAULT-VALUE})")
    String stopTimeout;

    @Mixin
    TargetLocation location = new TargetLocation();

    @Option(names = "--out", description = "output folder (default: loadtest-results/saturday)")
    Path out;

    @Override
    public Integer call() {
        SaturdayPlan plan = plan();
        AutoscalePolicy policy = new AutoscalePolicy(this.minMembers, this.maxMembers,
                Durations.parse("--provisioning-delay", this.provisioningDelay));
        int fixed = (this.fixedMembers != null) ? this.fixedMembers : this.minMembers;
        if (fixed < 1 || fixed > NodeLaunch.MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "--fixed-members (" + fixed + ") must be between 1 and " + NodeLaunch.MAX_MEMBERS);
        }
        List<Boolean> runs = runs();
        if (this.location.nodes != null || !this.location.members.isEmpty() || this.location.embedded != null) {
            throw new IllegalArgumentException(
                    "saturday starts and stops members of its own: leave out --nodes, " + "--members and --embedded");
        }
        Path folder = RunOptions.createdFolder((this.out != null) ? this.out : Path.of("loadtest-results", "saturday"));
        this.location.nodes = this.minMembers;
        NodeLaunch launch = this.location.nodeLaunch(MEMORY_MIB, folder.resolve("nodes"));
        SaturdayRun.Settings settings = new SaturdayRun.Settings(launch,
                WorkloadSpec.parse(this.workload).create(Clock.systemUTC()), this.threads,
                Durations.parse("--warmup", this.warmup), Durations.parse("--poll-interval", this.pollInterval),
                Durations.parse("--setup-allowance", this.setupAllowance),
                Durations.parse("--stop-timeout", this.stopTimeout));
        System.out.println("simulated Saturday: " + plan.describe());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", plan.describe());
        report.put("started", Instant.now().toString());
        report.put("provisioningDelay", this.provisioningDelay);
        report.put("members", Map.of("min", this.minMembers, "max", this.maxMembers, "fixed", fixed));
        List<Map<String, Object>> results = new ArrayList<>();
        report.put("runs", results);
        SaturdayRun run = new SaturdayRun(plan, policy, settings, System.out);
        for (boolean follow : runs) {
            String name = follow ? "advisor" : "fixed";
            Map<String, Object> result = run.run(follow, follow ? this.minMembers : fixed, folder.resolve(name));
            results.add(result);
            System.out.printf("%s: p99 through the peak %s us, at the top %s us, members %s, errors %s%n",
                    result.get("mode"), ((Map<?, ?>) result.get("peakLatencyMicros")).get("p99"),
                    ((Map<?, ?>) result.get("topLatencyMicros")).get("p99"), result.get("membersDuringPeak"),
                    result.get("errors"));
            // Written after each run, so that a later failure keeps what was measured.
            SaturdayReport.write(folder, report);
        }
        System.out.printf("report: %s%n", folder.resolve("saturday.html").toAbsolutePath());
        return 0;
    }

    private SaturdayPlan plan() {
        LocalDate day;
        try {
            day = (this.saturday != null) ? LocalDate.parse(this.saturday)
                    : SaturdayPlan.nextSaturday(LocalDate.now(ZoneOffset.UTC));
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("--saturday '" + this.saturday + "' is not a date such as 2027-06-05");
        }
        return new SaturdayPlan(this.ordinaryRate, this.memberCapacity, Durations.parse("--lead-time", this.leadTime),
                Durations.parse("--load-window", this.loadWindow), Durations.parse("--hold", this.hold),
                Durations.parse("--ramp", this.ramp), Durations.parse("--top", this.top),
                Durations.parse("--fall", this.fall), Durations.parse("--tail", this.tail), day,
                TrafficMultipliers.fromEnvironment(System.getenv()));
    }

    private List<Boolean> runs() {
        List<Boolean> runs = new ArrayList<>();
        for (String cluster : this.clusters) {
            switch (cluster.strip().toLowerCase(Locale.ROOT)) {
                case "advisor" -> runs.add(true);
                case "fixed" -> runs.add(false);
                default -> throw new IllegalArgumentException(
                        "--clusters '" + cluster + "' is not advisor or fixed (write advisor,fixed for both)");
            }
        }
        return runs;
    }

}

package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.config.calendar.TrafficMultipliers;
import com.wedsync.grid.loadtest.generator.RateProfile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A named load with defaults sized for a 2-core machine (every one can be overridden on
 * the command line), what happens to the grid during it, and the pass criteria the
 * original spec set for it. A failed criterion is a finding: the report says so.
 *
 * @param name the scenario's name
 * @param description what it shows
 * @param load the default load
 * @param members the default number of embedded members
 * @param memoryLimitMib the default cache memory of each embedded member, MiB
 * @param disruption what happens to the grid during the measured phase
 * @param limits the latency and retention the spec asks for
 */
public record Scenario(String name, String description, Load load, int members, long memoryLimitMib,
        Disruption disruption, Limits limits) {

    private static final String WEDDING_MIX = "mix=wedding;weddings=100";

    private static final Duration WARMUP = Duration.ofSeconds(3);

    private static final double BASE_RATE = 10_000;

    private static final Limits SPEC_LATENCY = new Limits(500, 1_000, 0, 0, 0);

    /**
     * The traffic calendar's multipliers: the spike and the season take theirs from the
     * calendar.
     */
    private static final TrafficMultipliers CALENDAR = TrafficMultipliers.DEFAULTS;

    /** The scenarios, in the order the README lists them. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("baseline", "the wedding mix (95/5, Zipfian) at a steady open-loop rate",
                    Load.steady(BASE_RATE, Duration.ofSeconds(10), WEDDING_MIX), 1, 512, Disruption.NONE, SPEC_LATENCY),
            new Scenario("max-throughput",
                    "the wedding mix closed-loop: the most the target does (latency from " + "actual start)",
                    Load.steady(0, Duration.ofSeconds(10), WEDDING_MIX), 1, 512, Disruption.NONE, Limits.NONE),
            new Scenario("saturday-spike",
                    "a Saturday: 5 s at the baseline rate, a 5 s ramp to the calendar's "
                            + "Saturday multiplier (5x), 10 s at it",
                    Load.steady(BASE_RATE, Duration.ofSeconds(20), WEDDING_MIX)
                        .withProfile(
                                new RateProfile(CALENDAR.saturday(), Duration.ofSeconds(5), Duration.ofSeconds(5))),
                    1, 512, Disruption.NONE, SPEC_LATENCY),
            new Scenario("season-sustained",
                    "the season (May-October): the calendar's season multiplier (1.5x) of "
                            + "the baseline rate held for 30 s",
                    Load.steady(CALENDAR.season() * BASE_RATE, Duration.ofSeconds(30), WEDDING_MIX), 1, 512,
                    Disruption.NONE, SPEC_LATENCY),
            new Scenario("multi-layer",
                    "the wedding mix at the baseline rate, judged per layer: run it against "
                            + "grid and grid-l2 to see L1 on and off",
                    Load.steady(BASE_RATE, Duration.ofSeconds(10), WEDDING_MIX), 1, 512, Disruption.NONE,
                    new Limits(0, 0, 50, 2_000, 0)),
            new Scenario("memory-pressure",
                    "300 weddings' data (about 700 MB, mostly photos) into 64 MiB members: "
                            + "the lower classes overflow their budgets while wedding data stays",
                    Load.steady(2_000, Duration.ofSeconds(10), "mix=wedding;weddings=300;reads=0.5"), 1, 64,
                    Disruption.NONE, new Limits(0, 0, 0, 0, 0.98)),
            new Scenario("scale-out",
                    "a third member joins a 2-member grid a third of the way in: migration time "
                            + "and latency during it",
                    Load.steady(5_000, Duration.ofSeconds(30), WEDDING_MIX), 2, 512,
                    new Disruption(Disruption.Kind.SCALE_OUT, 1.0 / 3), SPEC_LATENCY),
            new Scenario("failover",
                    "one of 3 members is killed a third of the way in: errors, recovery, and every "
                            + "acknowledged wedding write still there",
                    Load.steady(5_000, Duration.ofSeconds(30), WEDDING_MIX), 3, 512,
                    new Disruption(Disruption.Kind.FAILOVER, 1.0 / 3), Limits.NONE),
            new Scenario("concurrent-weddings",
                    "100 weddings x 12 vendors, 2M operations closed-loop (bounded " + "at 5 min)",
                    Load.steady(0, Duration.ofMinutes(5), "mix=wedding;weddings=100;vendors=12").withMaxOps(2_000_000),
                    1, 512, Disruption.NONE, Limits.NONE));

    /**
     * Finds a scenario by name.
     * @param name the name
     * @return the scenario
     * @throws IllegalArgumentException naming the value and the known scenarios if none
     * matches
     */
    public static Scenario named(String name) {
        return ALL.stream()
            .filter((scenario) -> scenario.name.equals(name.toLowerCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(
                    "--scenario '" + name + "' is not one of " + ALL.stream().map(Scenario::name).toList()));
    }

    /**
     * A scenario's default load.
     *
     * @param rate the target rate in ops/s (0 for closed loop)
     * @param threads the generator threads
     * @param warmup the warm-up, not recorded
     * @param duration the measured duration
     * @param workload the workload spec
     * @param profile how the rate changes over the measured phase
     * @param maxOps the operations after which the measured phase ends (0 for no bound)
     */
    public record Load(double rate, int threads, Duration warmup, Duration duration, String workload,
            RateProfile profile, long maxOps) {

        static Load steady(double rate, Duration duration, String workload) {
            return new Load(rate, 2, WARMUP, duration, workload, RateProfile.CONSTANT, 0);
        }

        Load withProfile(RateProfile newProfile) {
            return new Load(this.rate, this.threads, this.warmup, this.duration, this.workload, newProfile,
                    this.maxOps);
        }

        Load withMaxOps(long newMaxOps) {
            return new Load(this.rate, this.threads, this.warmup, this.duration, this.workload, this.profile,
                    newMaxOps);
        }
    }

    /**
     * What the spec asks of a run beyond no errors and the requested rate; 0 for no
     * limit.
     *
     * @param p95Micros the p95 over all operations, microseconds
     * @param p99Micros the p99 over all operations, microseconds
     * @param l1P99Micros the p99 of reads answered by L1, microseconds
     * @param l2P99Micros the p99 of reads answered by L2, microseconds
     * @param weddingRetention the share of wedding-data keys still present after the run
     */
    public record Limits(double p95Micros, double p99Micros, double l1P99Micros, double l2P99Micros,
            double weddingRetention) {

        /** No limits. */
        public static final Limits NONE = new Limits(0, 0, 0, 0, 0);

    }
}

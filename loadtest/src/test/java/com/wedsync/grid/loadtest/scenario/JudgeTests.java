package com.wedsync.grid.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.loadtest.generator.OpLayer;
import com.wedsync.grid.loadtest.generator.RateProfile;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.report.Criterion;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The verdicts on fixed results: each criterion passes and fails where it should, at its
 * threshold and on either side of it. Latencies are judged as reported: HdrHistogram's
 * value at a percentile (the top of its bucket, 3 significant digits), in microseconds
 * rounded to 0.1, so the nanoseconds recorded here are chosen to report exactly at or
 * next to a limit.
 */
class JudgeTests {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void theSpikesMeanRateIsTheAreaUnderItsProfile() {
        RateProfile spike = Scenario.named("saturday-spike").load().profile();

        // 5 s at 1x, a 5 s ramp averaging 3x, 10 s at 5x: (5 + 15 + 50) / 20.
        assertThat(Judge.meanMultiplier(spike, Duration.ofSeconds(20).toNanos())).isCloseTo(3.5, within(0.01));
        assertThat(Judge.meanMultiplier(RateProfile.CONSTANT, 1)).isEqualTo(1.0);
    }

    @Test
    void anOpenLoopRunIsJudgedOnTheMeanOfItsRamp() {
        Scenario spike = Scenario.named("saturday-spike");
        RunSettings settings = RunSettings.openLoop(10_000, 2, Duration.ofSeconds(20))
            .withProfile(spike.load().profile());

        List<Criterion> met = Judge.judge(spike, result(settings, 34_000, 100_000, 0), Judge.Findings.NONE);
        List<Criterion> missed = Judge.judge(spike, result(settings, 10_000, 100_000, 0), Judge.Findings.NONE);

        assertThat(named(met, "achieved rate").pass()).isTrue();
        assertThat(named(met, "achieved rate").name()).contains("35000 ops/s");
        assertThat(named(missed, "achieved rate").pass()).isFalse();
    }

    @Test
    void errorsAndSlowPercentilesFail() {
        Scenario baseline = Scenario.named("baseline");
        RunSettings settings = RunSettings.openLoop(10_000, 2, TEN_SECONDS);

        List<Criterion> fast = Judge.judge(baseline, result(settings, 10_000, 100_000, 0), Judge.Findings.NONE);
        List<Criterion> slow = Judge.judge(baseline, result(settings, 10_000, 2_000_000, 3), Judge.Findings.NONE);

        assertThat(fast).allMatch(Criterion::pass);
        assertThat(named(slow, "errors").pass()).isFalse();
        assertThat(named(slow, "p95").pass()).isFalse();
        assertThat(named(slow, "p99").measured()).isGreaterThan(1_000);
        assertThat(named(slow, "p99").pass()).isFalse();
    }

    @Test
    void theP95AndP99VerdictsPassAtTheirLimitsAndFailJustAbove() {
        Scenario baseline = Scenario.named("baseline");

        // 499,967 ns reports as 500.0 us, 999,935 ns as 999.9 us: the next bucket up
        // reports 1,000.4 us.
        List<Criterion> atLimits = Judge.judge(baseline, percentiles(499_967, 999_935), Judge.Findings.NONE);
        // 500,000 ns reports as 500.2 us (bucket 499,968-500,223).
        List<Criterion> p95Over = Judge.judge(baseline, percentiles(500_000, 999_935), Judge.Findings.NONE);
        // 1,000,000 ns reports as 1,000.4 us (bucket 999,936-1,000,447).
        List<Criterion> p99Over = Judge.judge(baseline, percentiles(499_967, 1_000_000), Judge.Findings.NONE);

        assertVerdict(named(atLimits, "p95 <= 500 us"), 500.0, true);
        assertVerdict(named(atLimits, "p99 <= 1000 us"), 999.9, true);
        assertVerdict(named(p95Over, "p95 <= 500 us"), 500.2, false);
        assertVerdict(named(p95Over, "p99 <= 1000 us"), 999.9, true);
        assertVerdict(named(p99Over, "p95 <= 500 us"), 500.0, true);
        assertVerdict(named(p99Over, "p99 <= 1000 us"), 1000.4, false);
    }

    @Test
    void theLayerVerdictsPassAtTheirLimitsAndFailJustAbove() {
        Scenario layers = Scenario.named("multi-layer");
        RunSettings settings = RunSettings.openLoop(10_000, 2, TEN_SECONDS);

        // L1: 50,047 ns reports as 50.0 us, 50,079 ns as 50.1 us. L2: 1,999,871 ns as
        // 1,999.9 us, 2,000,000 ns as 2,000.9 us (bucket 1,999,872-2,000,895).
        List<Criterion> at = Judge.judge(layers, layered(settings, 50_047, 1_999_871), Judge.Findings.NONE);
        List<Criterion> over = Judge.judge(layers, layered(settings, 50_079, 2_000_000), Judge.Findings.NONE);

        assertVerdict(named(at, "GET/L1 p99 <= 50 us"), 50.0, true);
        assertVerdict(named(at, "GET/L2 p99 <= 2000 us"), 1999.9, true);
        assertVerdict(named(over, "GET/L1 p99 <= 50 us"), 50.1, false);
        assertVerdict(named(over, "GET/L2 p99 <= 2000 us"), 2000.9, false);
    }

    @Test
    void theRateVerdictPassesAtExactly95PercentAndFailsBelow() {
        Scenario baseline = Scenario.named("baseline");
        RunSettings settings = RunSettings.openLoop(10_000, 2, TEN_SECONDS);

        assertThat(named(Judge.judge(baseline, result(settings, 9_500, 100_000, 0), Judge.Findings.NONE),
                "achieved rate >= 95 % of 10000 ops/s")
            .pass()).isTrue();
        assertThat(named(Judge.judge(baseline, result(settings, 9_499, 100_000, 0), Judge.Findings.NONE),
                "achieved rate >= 95 % of 10000 ops/s")
            .pass()).isFalse();
        assertThat(named(Judge.judge(baseline, result(settings, 9_501, 100_000, 0), Judge.Findings.NONE),
                "achieved rate >= 95 % of 10000 ops/s")
            .pass()).isTrue();
    }

    @Test
    void theRetentionVerdictsHoldAtTheirThresholds() {
        Scenario pressure = Scenario.named("memory-pressure");
        RunResult run = result(RunSettings.openLoop(2_000, 2, TEN_SECONDS), 2_000, 100_000, 0);

        List<Criterion> atLimit = Judge.judge(pressure, run, retention(0.98, 0.9999));
        List<Criterion> below = Judge.judge(pressure, run, retention(0.9799, 1.0));

        assertVerdict(named(atLimit, "wedding data retained >= 98 %"), 98.0, true);
        assertVerdict(named(atLimit, "a lower class was evicted"), 100.0, true);
        assertThat(named(below, "wedding data retained >= 98 %").pass()).isFalse();
        assertVerdict(named(below, "a lower class was evicted"), 100.0, false);
    }

    @Test
    void aRunThatMeasuredNothingMeetsNoLatencyLimit() {
        Scenario baseline = Scenario.named("baseline");
        RunSettings settings = RunSettings.openLoop(100_000, 2, TEN_SECONDS);

        List<Criterion> criteria = Judge.judge(baseline, result(settings, 0, 100_000, 0, 0), Judge.Findings.NONE);

        assertThat(named(criteria, "p95").pass()).isFalse();
        assertThat(named(criteria, "p99").name()).isEqualTo("p99 <= 1000 us (no operation measured)");
        assertThat(named(criteria, "achieved rate").pass()).isFalse();
    }

    @Test
    void anOperationBoundIsJudgedOnTheOperationsDone() {
        Scenario weddings = Scenario.named("concurrent-weddings");
        RunSettings settings = RunSettings.closedLoop(2, TEN_SECONDS).withMaxOps(1_000);

        assertThat(named(Judge.judge(weddings, result(settings, 0, 1_000, 0), Judge.Findings.NONE), "all 1000").pass())
            .isTrue();
        assertThat(named(Judge.judge(weddings, result(settings, 0, 1_000, 0, 999), Judge.Findings.NONE), "all 1000")
            .pass()).isFalse();
    }

    @Test
    void theLayerLimitsAreJudgedOnlyWhereTheLayerAnswered() {
        Scenario layers = Scenario.named("multi-layer");
        RunSettings settings = RunSettings.openLoop(10_000, 2, TEN_SECONDS);

        List<Criterion> withL1 = Judge.judge(layers, result(settings, 10_000, 100_000, 0), Judge.Findings.NONE);
        List<Criterion> withoutL1 = Judge.judge(layers, resultOnly(settings, Layer.L2, 100_000), Judge.Findings.NONE);

        assertThat(named(withL1, "GET/L1 p99 <= 50 us")).satisfies((criterion) -> {
            assertThat(criterion.pass()).isFalse();
            assertThat(criterion.measured()).isCloseTo(100, within(1.0));
        });
        assertThat(named(withoutL1, "GET/L1").name()).contains("not judged");
        assertThat(named(withoutL1, "GET/L2 p99 <= 2000 us").pass()).isTrue();
    }

    @Test
    void weddingDataMustOutliveTheLowerClasses() {
        Scenario pressure = Scenario.named("memory-pressure");
        RunSettings settings = RunSettings.openLoop(2_000, 2, TEN_SECONDS);
        Judge.Findings kept = new Judge.Findings(Map.of(),
                Map.of(DataClass.WEDDING_DATA, 0.99, DataClass.PHOTO_THUMBNAILS, 0.10), null);
        Judge.Findings lost = new Judge.Findings(Map.of(),
                Map.of(DataClass.WEDDING_DATA, 0.90, DataClass.PHOTO_THUMBNAILS, 1.0), null);

        assertThat(Judge.judge(pressure, result(settings, 2_000, 100_000, 0), kept)).allMatch(Criterion::pass);
        List<Criterion> failed = Judge.judge(pressure, result(settings, 2_000, 100_000, 0), lost);
        assertThat(named(failed, "wedding data retained").pass()).isFalse();
        assertThat(named(failed, "a lower class was evicted").pass()).isFalse();
    }

    @Test
    void aLostWriteAndAClusterThatNeverSettledFail() {
        Scenario failover = Scenario.named("failover");
        RunSettings settings = RunSettings.openLoop(5_000, 2, TEN_SECONDS);
        Judge.Findings findings = new Judge.Findings(Map.of("kind", "FAILOVER"), Map.of(),
                new WriteLedger.Verification(100, 1, 0, List.of("w-1/ledger-7")));

        List<Criterion> criteria = Judge.judge(failover, result(settings, 5_000, 100_000, 0), findings);

        assertThat(named(criteria, "acknowledged wedding writes lost == 0").pass()).isFalse();
        assertThat(named(criteria, "cluster safe again").pass()).isFalse();
    }

    private static void assertVerdict(Criterion criterion, double measured, boolean pass) {
        assertThat(criterion.measured()).as("measured by %s", criterion.name()).isEqualTo(measured);
        assertThat(criterion.pass()).as("verdict of %s at %s", criterion.name(), measured).isEqualTo(pass);
    }

    private static Judge.Findings retention(double wedding, double thumbnails) {
        return new Judge.Findings(Map.of(),
                Map.of(DataClass.WEDDING_DATA, wedding, DataClass.PHOTO_THUMBNAILS, thumbnails), null);
    }

    /**
     * 100 L2 reads at the baseline rate: 95 at the given p95, 4 at the given p99, 1 at 5
     * ms, so the histogram's p95 and p99 are the two values given.
     */
    private static RunResult percentiles(long p95Nanos, long p99Nanos) {
        RunSettings settings = RunSettings.openLoop(10_000, 2, TEN_SECONDS);
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(p95Nanos, 95);
        histogram.recordValueWithCount(p99Nanos, 4);
        histogram.recordValue(5_000_000);
        return new RunResult(settings, "grid", false, Instant.EPOCH, Instant.EPOCH.plusSeconds(10),
                Map.of(new OpLayer(OpType.GET, Layer.L2), histogram.getTotalCount()), Map.of(), List.of(), 10_000,
                Map.of(new OpLayer(OpType.GET, Layer.L2), histogram), 0, 0);
    }

    /** 1,000 L1 reads and 1,000 L2 reads, each layer at one latency. */
    private static RunResult layered(RunSettings settings, long l1Nanos, long l2Nanos) {
        Histogram l1 = histogram(1_000, l1Nanos);
        Histogram l2 = histogram(1_000, l2Nanos);
        return new RunResult(settings, "grid", false, Instant.EPOCH, Instant.EPOCH.plusSeconds(10),
                Map.of(new OpLayer(OpType.GET, Layer.L1), 1_000L, new OpLayer(OpType.GET, Layer.L2), 1_000L), Map.of(),
                List.of(), 10_000, Map.of(new OpLayer(OpType.GET, Layer.L1), l1, new OpLayer(OpType.GET, Layer.L2), l2),
                0, 0);
    }

    private static Criterion named(List<Criterion> criteria, String prefix) {
        return criteria.stream()
            .filter((criterion) -> criterion.name().startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no criterion " + prefix + " in " + criteria));
    }

    /**
     * 1,000 L1 reads at 100 us, 1,000 L2 reads at the given latency; the achieved rate as
     * given.
     */
    private static RunResult result(RunSettings settings, double achievedRate, long l2Nanos, long errors) {
        return result(settings, achievedRate, l2Nanos, errors, 2_000);
    }

    private static RunResult result(RunSettings settings, double achievedRate, long l2Nanos, long errors, long ops) {
        Histogram l1 = histogram(ops / 2, 100_000);
        Histogram l2 = histogram(ops - ops / 2, l2Nanos);
        return new RunResult(settings, "grid", settings.closedLoop(), Instant.EPOCH, Instant.EPOCH.plusSeconds(10),
                Map.of(new OpLayer(OpType.GET, Layer.L1), l1.getTotalCount(), new OpLayer(OpType.GET, Layer.L2),
                        l2.getTotalCount()),
                Map.of(OpType.GET, errors), List.of(), achievedRate,
                Map.of(new OpLayer(OpType.GET, Layer.L1), l1, new OpLayer(OpType.GET, Layer.L2), l2), 0, 0);
    }

    private static RunResult resultOnly(RunSettings settings, Layer layer, long nanos) {
        Histogram histogram = histogram(1_000, nanos);
        return new RunResult(settings, "grid-l2", false, Instant.EPOCH, Instant.EPOCH.plusSeconds(10),
                Map.of(new OpLayer(OpType.GET, layer), 1_000L), Map.of(), List.of(), 10_000,
                Map.of(new OpLayer(OpType.GET, layer), histogram), 0, 0);
    }

    private static Histogram histogram(long count, long nanos) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(nanos, count);
        return histogram;
    }

}

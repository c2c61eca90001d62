package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.Workload;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LoadRunnerTests {

    private static final WeddingKey KEY = new WeddingKey("w-2026-06-13-0042", "timeline");

    private static final Operation GET = new Operation(OpType.GET, DataClass.WEDDING_DATA, KEY, null);

    private static final Operation PUT = new Operation(OpType.PUT, DataClass.WEDDING_DATA, KEY, new byte[16]);

    private static final Workload GETS = (random) -> GET;

    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Test
    void anOpenLoopRunChargesAStallToEveryOperationItDelayed() {
        List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
        RunResult result = new LoadRunner(RunSettings.openLoop(2_000, 2, Duration.ofSeconds(1)), GETS,
                target((call) -> (call == 200) ? stall() : Layer.L2))
            .onProgress(progress::add)
            .run();

        Histogram latencies = result.histograms().get(new OpLayer(OpType.GET, Layer.L2));
        assertThat(result.closedLoop()).isFalse();
        // Every intended operation is accounted for: completed, or never issued because
        // the run ended first.
        assertThat(result.totalOps() + result.unissued()).isEqualTo(2_000);
        assertThat(latencies.getMaxValue()).isGreaterThanOrEqualTo(STALL_NANOS);
        assertThat(latencies.getValueAtPercentile(99)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        // The stalled thread meant to start ~200 operations during the stall; the first
        // ~100 waited 100 ms or more.
        assertThat(slowOps(latencies)).isGreaterThanOrEqualTo(80);
        assertThat(progress).singleElement().satisfies((last) -> {
            assertThat(last.warmup()).isFalse();
            assertThat(last.ops()).isGreaterThan(1_900);
            assertThat(last.p99Micros()).isGreaterThanOrEqualTo(150_000);
        });
        // The stalled thread issued the operations it owed late, and the report says the
        // generator fell behind.
        assertThat(result.lateStarts()).isGreaterThanOrEqualTo(80);
        assertThat(result.maxStartLagNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(result.behindSchedule()).isTrue();
    }

    @Test
    void thePhaseListenerIsToldOnceWhenTheMeasuredPhaseStartsAndOnceWhenItEnds() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        long[] startedAt = new long[1];
        Duration warmup = Duration.ofMillis(700);
        RunSettings settings = new RunSettings(1_000, Arrival.CONSTANT, 1, warmup, Duration.ofMillis(1_500),
                Duration.ofSeconds(2), RunSettings.DEFAULT_SEED);
        long before = System.nanoTime();
        RunResult result = new LoadRunner(settings, GETS, target((call) -> Layer.L2)).onPhases(new PhaseListener() {
            @Override
            public void measuredStarted() {
                startedAt[0] = System.nanoTime();
                events.add("started");
            }

            @Override
            public void measuredEnded() {
                events.add("ended");
            }
        }).run();

        assertThat(events).containsExactly("started", "ended");
        // Not before the warm-up's end, and well before the first whole-second tick after
        // it (1 s).
        assertThat(startedAt[0] - before).isBetween(warmup.toNanos(), TimeUnit.MILLISECONDS.toNanos(990));
        assertThat(result.totalOps()).isPositive();
    }

    @Test
    void aClosedLoopRunWithTheSameStallRecordsOnlyTheStalledOperationAsLongAsTheStall() {
        RunResult result = new LoadRunner(RunSettings.closedLoop(2, Duration.ofMillis(500)), GETS,
                target((call) -> (call == 200) ? stall() : Layer.L2))
            .run();

        Histogram latencies = result.histograms().get(new OpLayer(OpType.GET, Layer.L2));
        assertThat(result.closedLoop()).isTrue();
        assertThat(latencies.getMaxValue()).isGreaterThanOrEqualTo(STALL_NANOS);
        // Counted at 90 % of the stall, not at SLOW_NANOS: a loaded 2-CPU machine once
        // held another operation of this closed loop for over 100 ms, which says nothing
        // about coordinated omission.
        assertThat(latencies.getCountBetweenValues(STALL_NANOS * 9 / 10, latencies.getMaxValue())).isEqualTo(1);
        assertThat(latencies.getValueAtPercentile(99)).isLessThan(TimeUnit.MILLISECONDS.toNanos(10));
    }

    @Test
    void failedOperationsAreCountedPerTypeAndTheRunGoesOn() {
        Workload mixed = (random) -> random.nextBoolean() ? GET : PUT;
        RunResult result = new LoadRunner(RunSettings.openLoop(1_000, 1, Duration.ofMillis(300)), mixed,
                target((call) -> {
                    if (call % 3 == 0) {
                        throw new IllegalStateException("boom " + call);
                    }
                    return Layer.L1;
                }))
            .run();

        assertThat(result.totalErrors()).isBetween(90L, 110L);
        assertThat(result.errors().get(OpType.GET)).isPositive();
        assertThat(result.errors().get(OpType.PUT)).isPositive();
        assertThat(result.totalOps() + result.totalErrors() + result.unissued()).isEqualTo(300);
        assertThat(result.errorSamples()).hasSize(LatencyRecorders.MAX_ERROR_SAMPLES)
            .allSatisfy((message) -> assertThat(message).contains("IllegalStateException: boom"));
    }

    @Test
    void aRunEndsAtItsDurationAndTheWarmupIsDiscarded(@TempDir Path dir) throws FileNotFoundException {
        Path log = dir.resolve("run.hlog");
        RunSettings settings = new RunSettings(1_000, Arrival.POISSON, 1, Duration.ofMillis(200),
                Duration.ofMillis(300), Duration.ofSeconds(5), 1);
        long started = System.nanoTime();
        RunResult result = new LoadRunner(settings, GETS, target((call) -> Layer.L2)).intervalLog(log).run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_000));
        assertThat(result.measured()).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
        assertThat(result.totalOps()).isBetween(200L, 400L);
        assertThat(result.achievedRate()).isBetween(600.0, 1_300.0);
        assertThat(result.abandonedThreads()).isZero();
        assertThat(totalLogged(log, "GET/L2")).isEqualTo(result.totalOps());
    }

    @Test
    void aTargetThatNeverAnswersIsAbandonedAtTheDeadline() {
        CountDownLatch release = new CountDownLatch(1);
        RunSettings settings = new RunSettings(1_000, Arrival.CONSTANT, 2, Duration.ZERO, Duration.ofMillis(300),
                Duration.ofMillis(200), 1);
        long started = System.nanoTime();
        try {
            RunResult result = new LoadRunner(settings, GETS,
                    target((call) -> (call == 10) ? await(release) : Layer.L2))
                .run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isBetween(settings.deadline(), settings.deadline().plusMillis(500));
            assertThat(result.abandonedThreads()).isEqualTo(1);
            assertThat(result.totalOps()).isBetween(100L, 200L);
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void anIntervalLogThatCannotBeWrittenFailsBeforeDrivingTheTarget(@TempDir Path dir) {
        AtomicLong calls = new AtomicLong();
        LoadRunner runner = new LoadRunner(RunSettings.openLoop(1_000, 1, Duration.ofSeconds(5)), GETS,
                target((call) -> {
                    calls.incrementAndGet();
                    return Layer.L2;
                }))
            .intervalLog(dir);

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(runner::run)
            .withMessageContaining("cannot write the interval log");
        assertThat(calls).hasValue(0);
    }

    @Test
    void theSeedReproducesEachThreadsOperations() {
        assertThat(drawnValues(11)).hasSize(100).isEqualTo(drawnValues(11)).isNotEqualTo(drawnValues(12));
    }

    @Test
    void aWorkloadThatThrowsFailsTheRun() {
        Workload broken = (random) -> {
            throw new ArithmeticException("bad distribution");
        };

        assertThatIllegalStateException()
            .isThrownBy(() -> new LoadRunner(RunSettings.openLoop(100, 1, Duration.ofMillis(300)), broken,
                    target((call) -> Layer.L2))
                .run())
            .withMessageContaining("bad distribution");
    }

    private static List<Long> drawnValues(long seed) {
        List<Long> drawn = Collections.synchronizedList(new ArrayList<>());
        Workload recording = (random) -> {
            drawn.add(random.nextLong());
            return GET;
        };
        RunSettings settings = new RunSettings(1_000, Arrival.POISSON, 1, Duration.ZERO, Duration.ofMillis(300),
                Duration.ofSeconds(5), seed);
        new LoadRunner(settings, recording, target((call) -> Layer.L1)).run();
        return List.copyOf(drawn.subList(0, 100));
    }

    private static long slowOps(Histogram latencies) {
        return latencies.getCountBetweenValues(SLOW_NANOS, latencies.getMaxValue());
    }

    private static long totalLogged(Path log, String tag) throws FileNotFoundException {
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        long total = 0;
        for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null; interval = reader
            .nextIntervalHistogram()) {
            assertThat(interval.getTag()).isEqualTo(tag);
            total += ((Histogram) interval).getTotalCount();
        }
        reader.close();
        return total;
    }

    private static Layer stall() {
        long until = System.nanoTime() + STALL_NANOS;
        for (long left = STALL_NANOS; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return Layer.L2;
    }

    private static Layer await(CountDownLatch release) {
        try {
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        return Layer.L2;
    }

    /**
     * A target that answers call number n (from 1, over all threads) with the given
     * function.
     */
    private static Target target(Function<Long, Layer> answer) {
        AtomicLong calls = new AtomicLong();
        return new Target() {

            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Layer execute(Operation operation) {
                return answer.apply(calls.incrementAndGet());
            }

            @Override
            public void close() {
            }
        };
    }

}

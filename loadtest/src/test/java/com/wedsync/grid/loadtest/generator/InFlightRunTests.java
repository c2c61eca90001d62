package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import com.wedsync.grid.loadtest.workload.Workload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs with operations in flight through {@link Target#executeAsync}, and runs bounded by
 * a number of operations.
 */
@Timeout(20)
class InFlightRunTests {

    private static final WeddingKey KEY = new WeddingKey("w-2026-06-13-0042", "timeline");

    private static final Operation GET = new Operation(OpType.GET, DataClass.WEDDING_DATA, KEY, null);

    private static final Operation PUT = new Operation(OpType.PUT, DataClass.WEDDING_DATA, KEY, new byte[16]);

    private static final Workload GETS = (random) -> GET;

    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ScheduledExecutorService completer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopCompleter() {
        this.completer.shutdownNow();
    }

    @Test
    void anOpenLoopRunChargesAStallingAsyncTargetToEveryOperationThatWaitedForIt() {
        AtomicLong stallEnds = new AtomicLong(System.nanoTime());
        // From call 200 on, for 200 ms, the target answers nothing; what it holds
        // completes when the stall ends.
        AsyncFake target = new AsyncFake((call) -> {
            long now = System.nanoTime();
            if (call == 200) {
                stallEnds.set(now + STALL_NANOS);
            }
            long left = stallEnds.get() - now;
            return (left > 0) ? later(left, Layer.L2) : CompletableFuture.completedFuture(Layer.L2);
        });
        RunSettings settings = RunSettings.openLoop(2_000, 2, Duration.ofSeconds(1)).withInFlight(32);

        RunResult result = new LoadRunner(settings, GETS, target).run();

        Histogram latencies = result.histograms().get(new OpLayer(OpType.GET, Layer.L2));
        assertThat(result.totalOps() + result.unissued()).isEqualTo(2_000);
        assertThat(target.maxInFlight()).isEqualTo(32);
        assertThat(latencies.getValueAtPercentile(99)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        // ~400 operations were intended during the stall: 32 held by the target, the
        // others waiting for a permit.
        assertThat(latencies.getCountBetweenValues(TimeUnit.MILLISECONDS.toNanos(100), latencies.getMaxValue()))
            .isGreaterThanOrEqualTo(150);
    }

    @Test
    void operationsInFlightNeverExceedTheBound() {
        AsyncFake target = new AsyncFake((call) -> later(TimeUnit.MILLISECONDS.toNanos(1), Layer.L2));
        RunSettings settings = RunSettings.closedLoop(3, Duration.ofMillis(500)).withInFlight(8);

        RunResult result = new LoadRunner(settings, GETS, target).run();

        assertThat(target.maxInFlight()).isEqualTo(8);
        assertThat(target.inFlight()).isZero();
        // 8 at a time, each for at least 1 ms: at most ~8 per millisecond.
        assertThat(result.totalOps()).isBetween(100L, 500L * 8);
        assertThat(result.abandonedOps()).isZero();
    }

    @Test
    void aClosedLoopRunCountsLatencyFromTheActualIssueNotTheWaitForAPermit() {
        AsyncFake target = new AsyncFake((call) -> later(TimeUnit.MILLISECONDS.toNanos(5), Layer.L2));
        // 4 threads compete for 1 permit: each waits ~15 ms for it, then the operation
        // takes ~5 ms.
        RunSettings settings = RunSettings.closedLoop(4, Duration.ofMillis(500)).withInFlight(1);

        RunResult result = new LoadRunner(settings, GETS, target).run();

        Histogram latencies = result.histograms().get(new OpLayer(OpType.GET, Layer.L2));
        assertThat(latencies.getValueAtPercentile(50)).isBetween(TimeUnit.MILLISECONDS.toNanos(4),
                TimeUnit.MILLISECONDS.toNanos(12));
        assertThat(target.maxInFlight()).isEqualTo(1);
    }

    @Test
    void asyncFailuresAreCountedPerTypeAndTheRunGoesOn() {
        Workload mixed = (random) -> random.nextBoolean() ? GET : PUT;
        AsyncFake target = new AsyncFake((call) -> {
            if (call % 6 == 0) {
                throw new IllegalStateException("refused " + call);
            }
            if (call % 3 == 0) {
                return later(TimeUnit.MILLISECONDS.toNanos(1), new IllegalStateException("timed out " + call));
            }
            return CompletableFuture.completedFuture(Layer.L1);
        });
        RunSettings settings = RunSettings.openLoop(1_000, 1, Duration.ofMillis(300)).withInFlight(4);

        RunResult result = new LoadRunner(settings, mixed, target).run();

        // Every third call fails, now or later; on a loaded machine some of the 300
        // intended are never issued.
        long issued = result.totalOps() + result.totalErrors();
        assertThat(issued).isGreaterThan(60);
        assertThat(result.totalErrors()).isBetween(issued / 3 - 2, issued / 3 + 2);
        assertThat(result.errors().get(OpType.GET)).isPositive();
        assertThat(result.errors().get(OpType.PUT)).isPositive();
        assertThat(result.totalOps() + result.totalErrors() + result.unissued()).isEqualTo(300);
        assertThat(result.errorSamples()).anySatisfy((message) -> assertThat(message).contains("refused"))
            .anySatisfy((message) -> assertThat(message).contains("IllegalStateException: timed out"));
    }

    @Test
    void operationsThatNeverCompleteAreAbandonedAtTheDeadline() {
        AsyncFake target = new AsyncFake(
                (call) -> (call % 100 == 10) ? new CompletableFuture<>() : CompletableFuture.completedFuture(Layer.L2));
        RunSettings settings = new RunSettings(1_000, Arrival.CONSTANT, 2, Duration.ZERO, Duration.ofMillis(300),
                Duration.ofMillis(200), 1)
            .withInFlight(16);
        long started = System.nanoTime();

        RunResult result = new LoadRunner(settings, GETS, target).run();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(settings.deadline(), settings.deadline().plusMillis(500));
        assertThat(result.abandonedOps()).isEqualTo(3);
        assertThat(result.abandonedThreads()).isZero();
        assertThat(result.totalOps()).isEqualTo(297 - result.unissued());
    }

    @Test
    void anOpenLoopRunWithAnOperationBoundStopsAtItAndEndsEarly() {
        RunSettings settings = new RunSettings(10_000, Arrival.CONSTANT, 2, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 1)
            .withMaxOps(1_000);
        long started = System.nanoTime();

        AtomicLong calls = new AtomicLong();
        RunResult result = new LoadRunner(settings, GETS, new SyncFake(calls)).run();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // The warm-up's ~2,000 operations do not count; 1,000 at 10,000 ops/s take 0.1 s.
        assertThat(result.totalOps()).isEqualTo(1_000);
        assertThat(calls.get() - 1_000).as("warm-up operations").isBetween(1_500L, 2_100L);
        assertThat(result.unissued()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(result.measured()).isBetween(Duration.ofMillis(90), Duration.ofMillis(600));
        assertThat(result.achievedRate()).isBetween(1_500.0, 11_500.0);
    }

    @Test
    void aClosedLoopInFlightRunWithAnOperationBoundIssuesExactlyThatMany() {
        AsyncFake target = new AsyncFake((call) -> later(TimeUnit.MICROSECONDS.toNanos(200), Layer.L2));
        RunSettings settings = RunSettings.closedLoop(2, Duration.ofSeconds(10)).withInFlight(16).withMaxOps(5_000);
        long started = System.nanoTime();

        RunResult result = new LoadRunner(settings, GETS, target).run();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.totalOps()).isEqualTo(5_000);
        assertThat(target.calls()).isEqualTo(5_000);
        assertThat(result.abandonedOps()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(result.achievedRate()).isGreaterThan(1_000);
    }

    private <T> CompletableFuture<T> later(long nanos, T value) {
        CompletableFuture<T> future = new CompletableFuture<>();
        this.completer.schedule(() -> future.complete(value), nanos, TimeUnit.NANOSECONDS);
        return future;
    }

    private CompletableFuture<Layer> later(long nanos, RuntimeException failure) {
        CompletableFuture<Layer> future = new CompletableFuture<>();
        this.completer.schedule(() -> future.completeExceptionally(failure), nanos, TimeUnit.NANOSECONDS);
        return future;
    }

    /** A synchronous target that counts its calls. */
    private record SyncFake(AtomicLong calls) implements Target {

        @Override
        public String name() {
            return "sync-fake";
        }

        @Override
        public Layer execute(Operation operation) {
            this.calls.incrementAndGet();
            return Layer.L2;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A target whose {@link #executeAsync} answers call number n (from 1, over all
     * threads) with the given function, and that counts the operations in flight.
     */
    private static final class AsyncFake implements Target {

        private final AtomicLong calls = new AtomicLong();

        private final AtomicInteger inFlight = new AtomicInteger();

        private final AtomicInteger maxInFlight = new AtomicInteger();

        private final LongFunction<CompletableFuture<Layer>> answer;

        AsyncFake(LongFunction<CompletableFuture<Layer>> answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "async-fake";
        }

        @Override
        public Layer execute(Operation operation) {
            throw new AssertionError("an in-flight run must not call execute");
        }

        @Override
        public CompletionStage<Layer> executeAsync(Operation operation) {
            this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Layer> answered;
            try {
                answered = this.answer.apply(this.calls.incrementAndGet());
            }
            catch (RuntimeException ex) {
                this.inFlight.decrementAndGet();
                throw ex;
            }
            // Counted out before the generator sees the completion, so that the count
            // never lags behind it.
            return answered.whenComplete((layer, failure) -> this.inFlight.decrementAndGet());
        }

        long calls() {
            return this.calls.get();
        }

        int inFlight() {
            return this.inFlight.get();
        }

        int maxInFlight() {
            return this.maxInFlight.get();
        }

        @Override
        public void close() {
        }

    }

}

package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Drives a {@link Target} with a {@link Workload} as {@link RunSettings} say, and
 * measures what users would feel.
 * <p>
 * Open loop (the default, any positive rate): every operation has an intended start time
 * from the rate, and its latency is its completion minus that intended start, so a target
 * that stalls shows every operation it delayed as slow, not just the one it held
 * (coordinated-omission correction). Closed loop (rate 0): each thread issues its next
 * operation when the previous one completes and latency counts from the actual start; it
 * measures maximum throughput and is labelled as such in the result.
 * <p>
 * With {@link RunSettings#inFlight()} above 0, operations go through the target's
 * asynchronous API, at most that many in flight across all threads (see
 * {@link AsyncIssuer}); otherwise each thread has one in flight. With
 * {@link RunSettings#maxOps()} above 0, the run ends as soon as that many measured
 * operations were issued and have completed, or at the end of its duration, whichever
 * comes first.
 * <p>
 * The caller's thread samples the recorders once a second for the progress listener and
 * the interval log; the generator threads are daemons, joined until the settings'
 * deadline. The target is not closed.
 */
public final class LoadRunner {

    /**
     * Gives the threads time to start before the first intended operation, so their start
     * is not measured.
     */
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final long SAMPLE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RunSettings settings;

    private final Workload workload;

    private final Target target;

    private final LongSupplier nanoTime = System::nanoTime;

    private Consumer<Progress> progressListener = (progress) -> {
    };

    private Path intervalLogPath;

    private PhaseListener phaseListener = PhaseListener.NONE;

    /**
     * Creates a runner.
     * @param settings how to run
     * @param workload the source of operations; called from every generator thread, each
     * with its own random
     * @param target what to drive; called from every generator thread
     * @throws NullPointerException if an argument is {@code null}
     */
    public LoadRunner(RunSettings settings, Workload workload, Target target) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Sets the listener told, on the calling thread, what the last second did, once a
     * second.
     * @param listener the listener; an exception it throws ends the run and is rethrown
     * by {@link #run()}
     * @return this runner
     */
    public LoadRunner onProgress(Consumer<Progress> listener) {
        this.progressListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Sets the listener told, on the calling thread, when the measured phase starts and
     * when it ends (before the operations still in flight are awaited), for readings that
     * must cover exactly that phase.
     * @param listener the listener; an exception it throws ends the run and is rethrown
     * by {@link #run()}
     * @return this runner
     */
    public LoadRunner onPhases(PhaseListener listener) {
        this.phaseListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Sets the file to write the measured phase's HdrHistogram interval log to, one line
     * per second and series, tagged like {@code GET/L1}.
     * @param path the {@code .hlog} file, replaced if it exists; {@code null} for none
     * @return this runner
     */
    public LoadRunner intervalLog(Path path) {
        this.intervalLogPath = path;
        return this;
    }

    /**
     * Runs: warm-up, then the measured phase, then waits for operations in flight until
     * the deadline.
     * @return the measured phase's result
     * @throws java.io.UncheckedIOException if the interval log cannot be written
     * @throws IllegalStateException if a generator thread died, for example because the
     * workload threw
     */
    public RunResult run() {
        Instant startInstant = Instant.now();
        long runStart = this.nanoTime.getAsLong();
        Phases phases = Phases.of(this.settings, runStart + START_LEAD_NANOS);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Issuer issuer = (this.settings.inFlight() > 0)
                ? new AsyncIssuer(this.target, this.settings.inFlight(), this.nanoTime, stopped)
                : new SyncIssuer(this.target, this.nanoTime);
        OpBudget budget = new OpBudget(this.settings.maxOps());
        List<Worker> workers = createWorkers(phases, issuer, budget, stopped);
        CountDownLatch workersDone = new CountDownLatch(workers.size());
        Joined joined;
        // Opened before the threads start, so that a bad path fails the run before it
        // drives the target.
        try (IntervalLog log = IntervalLog.open(this.intervalLogPath, describe(), startInstant.toEpochMilli())) {
            List<Thread> threads = startThreads(workers, workersDone, stopped, failure);
            try {
                if (sampleUntilEnd(phases, log, failure, new EarlyEnd(budget, workersDone))) {
                    this.phaseListener.measuredEnded();
                }
            }
            catch (RuntimeException | Error ex) {
                stopped.set(true);
                joinUntilDeadline(threads, issuer, phases.deadline(), stopped);
                throw ex;
            }
            joined = joinUntilDeadline(threads, issuer, phases.deadline(), stopped);
            // The operations that completed after the last tick.
            log.write(phases.measured().sampleInterval());
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a generator thread failed: " + failure.get(), failure.get());
        }
        return result(phases, workers, startInstant, runStart, joined, budget.exhausted());
    }

    private List<Worker> createWorkers(Phases phases, Issuer issuer, OpBudget budget, AtomicBoolean stopped) {
        SplittableRandom seeds = new SplittableRandom(this.settings.seed());
        double peakRate = this.settings.rate() * Math.max(1, this.settings.profile().peak());
        Pacer pacer = Pacer.forRun(this.settings.threads(), peakRate);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < this.settings.threads(); i++) {
            // Separate streams, so the workload's operations do not depend on the arrival
            // process.
            SplittableRandom workloadRandom = seeds.split();
            SplittableRandom arrivalRandom = seeds.split();
            Metronome metronome = this.settings.closedLoop() ? null
                    : Metronome.forThread(this.settings.arrival(), this.settings.rate(), this.settings.threads(), i,
                            phases.origin(), arrivalRandom, phases.measureStart(), this.settings.profile());
            workers.add(new Worker(this.workload, workloadRandom, metronome, pacer, this.nanoTime, phases, issuer,
                    budget, stopped));
        }
        return workers;
    }

    private static List<Thread> startThreads(List<Worker> workers, CountDownLatch workersDone, AtomicBoolean stopped,
            AtomicReference<Throwable> failure) {
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            Runnable counted = () -> {
                try {
                    worker.run();
                }
                finally {
                    workersDone.countDown();
                }
            };
            Thread thread = new Thread(counted, "loadtest-generator-" + threads.size());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, ex) -> {
                failure.compareAndSet(null, ex);
                stopped.set(true);
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /**
     * Samples the recorders once a second until the end of the run.
     * @return whether the measured phase started (and the phase listener was told)
     */
    private boolean sampleUntilEnd(Phases phases, IntervalLog log, AtomicReference<Throwable> failure,
            EarlyEnd earlyEnd) {
        long tick = phases.origin();
        long previous = tick;
        boolean ended = false;
        boolean measuring = false;
        if (phases.measureStart() == phases.origin()) {
            Pacer.parking().awaitUntil(phases.origin());
            this.phaseListener.measuredStarted();
            measuring = true;
        }
        while (!ended && tick - phases.end() < 0 && failure.get() == null && !Thread.currentThread().isInterrupted()) {
            tick = Math.min(tick + SAMPLE_INTERVAL_NANOS, phases.end());
            // A tick at the start of the measured phase, for readings that must begin
            // with it.
            if (!measuring && previous - phases.measureStart() < 0 && tick - phases.measureStart() > 0) {
                tick = phases.measureStart();
            }
            ended = earlyEnd.awaitUntil(tick);
            if (ended) {
                tick = this.nanoTime.getAsLong();
            }
            boolean warmup = tick - phases.measureStart() <= 0;
            if (!measuring && tick - phases.measureStart() >= 0) {
                this.phaseListener.measuredStarted();
                measuring = true;
            }
            Map<OpLayer, Histogram> warmupInterval = phases.warmup().sampleInterval();
            Map<OpLayer, Histogram> measuredInterval = phases.measured().sampleInterval();
            log.write(measuredInterval);
            LatencyRecorders current = warmup ? phases.warmup() : phases.measured();
            this.progressListener.accept(progress(tick - phases.origin(), tick - previous, warmup,
                    warmup ? warmupInterval : measuredInterval, current.totalErrors()));
            previous = tick;
        }
        return measuring;
    }

    private static Progress progress(long elapsedNanos, long intervalNanos, boolean warmup,
            Map<OpLayer, Histogram> interval, long errors) {
        Histogram merged = LatencyRecorders.newHistogram();
        interval.values().forEach(merged::add);
        long ops = merged.getTotalCount();
        double seconds = Math.max(intervalNanos, 1) / 1e9;
        return new Progress(Duration.ofNanos(elapsedNanos), warmup, ops, ops / seconds,
                merged.getValueAtPercentile(99.0) / 1e3, errors);
    }

    /**
     * Joins the threads and waits for the operations in flight until the deadline, then
     * stops and interrupts the threads left.
     */
    private Joined joinUntilDeadline(List<Thread> threads, Issuer issuer, long deadline, AtomicBoolean stopped) {
        try {
            for (Thread thread : threads) {
                long remaining = deadline - this.nanoTime.getAsLong();
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        long abandonedOps = issuer.awaitInFlight(deadline);
        long finished = this.nanoTime.getAsLong();
        stopped.set(true);
        List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
        alive.forEach(Thread::interrupt);
        return new Joined(finished, alive.size(), abandonedOps);
    }

    private RunResult result(Phases phases, List<Worker> workers, Instant startInstant, long runStart, Joined joined,
            boolean endedEarly) {
        LatencyRecorders measured = phases.measured();
        Map<OpLayer, Histogram> histograms = measured.totals();
        Map<OpLayer, Long> ops = new LinkedHashMap<>();
        histograms.forEach((series, histogram) -> ops.put(series, histogram.getTotalCount()));
        // A run that spent its operation budget ended when its last operation completed,
        // not at its duration.
        long measuredEnd = endedEarly ? joined.finished() : Math.max(joined.finished(), phases.end());
        Instant start = startInstant.plusNanos(phases.measureStart() - runStart);
        Instant end = startInstant.plusNanos(measuredEnd - runStart);
        long completed = ops.values().stream().mapToLong(Long::longValue).sum() + measured.totalErrors();
        double achievedRate = completed / ((measuredEnd - phases.measureStart()) / 1e9);
        long unissued = workers.stream().mapToLong(Worker::unissued).sum();
        return new RunResult(this.settings, this.target.name(), this.settings.closedLoop(), start, end, ops,
                measured.errors(), measured.errorSamples(), achievedRate, histograms, unissued, joined.abandoned(),
                joined.abandonedOps(), measured.readsByClass(), workers.stream().mapToLong(Worker::lateStarts).sum(),
                workers.stream().mapToLong(Worker::maxStartLagNanos).max().orElse(0));
    }

    private String describe() {
        String mode = this.settings.closedLoop() ? "closed loop (max throughput)"
                : "open loop " + this.settings.rate() + " ops/s " + this.settings.arrival();
        String inFlight = (this.settings.inFlight() > 0) ? ", in flight=" + this.settings.inFlight() : "";
        return "wedsync loadtest: target=" + this.target.name() + ", " + mode + ", threads=" + this.settings.threads()
                + inFlight + ", latencies in ns, tags OPERATION/LAYER";
    }

    /**
     * How joining the generator threads ended.
     *
     * @param finished the {@code nanoTime} joining ended
     * @param abandoned the threads still alive at the deadline
     * @param abandonedOps the asynchronous operations still in flight at the deadline
     */
    private record Joined(long finished, int abandoned, long abandonedOps) {
    }

    /**
     * Tells the sampling loop when a run with an operation budget has spent it and every
     * worker has finished, so that the run ends then instead of at its duration.
     */
    private static final class EarlyEnd {

        private final OpBudget budget;

        private final CountDownLatch workersDone;

        private final Pacer pacer = Pacer.parking();

        EarlyEnd(OpBudget budget, CountDownLatch workersDone) {
            this.budget = budget;
            this.workersDone = workersDone;
        }

        /**
         * Waits until {@code tick}, or until the run ended early.
         * @return {@code true} if the budget is spent and every worker has finished
         */
        boolean awaitUntil(long tick) {
            if (this.budget.bounded()) {
                try {
                    long remaining = tick - System.nanoTime();
                    if (remaining > 0 && this.workersDone.await(remaining, TimeUnit.NANOSECONDS)
                            && this.budget.exhausted()) {
                        return true;
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            // Unbounded, or the workers finished without spending the budget: they
            // stopped at the end.
            this.pacer.awaitUntil(tick);
            return this.budget.exhausted() && this.workersDone.getCount() == 0;
        }

    }

}

package com.wedsync.grid.node.e2e;

import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.key.WeddingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writers and readers of wedding data through grid-client at a fixed rate (open model:
 * every operation has an intended start, and latency counts from it, so a stall shows in
 * full), bounded in time. Writes go through a {@link ChaosLedger}; readers read
 * acknowledged writes back and count wrong answers. It counts client errors by type and,
 * from the moment the test {@linkplain #markFault() marks the fault}, measures the time
 * until operations were error-free and the longest write stall.
 */
final class ChaosLoad {

    /**
     * An operation slower than this, from its intended start, counts as "not recovered
     * yet".
     */
    static final Duration SLOW = Duration.ofMillis(500);

    private final Store store;

    private final ChaosLedger ledger;

    private final Settings settings;

    private final long startNanos = System.nanoTime();

    private final List<Thread> threads = new ArrayList<>();

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private final LongAdder writesOk = new LongAdder();

    private final LongAdder reads = new LongAdder();

    private final LongAdder wrongReads = new LongAdder();

    private final LongAdder abandoned = new LongAdder();

    private final AtomicLong longestWrite = new AtomicLong();

    private final AtomicLong longestWriteAt = new AtomicLong();

    private final AtomicLong longestWriteCall = new AtomicLong();

    private final AtomicLong longestRead = new AtomicLong();

    private final AtomicLong lastWriteOk = new AtomicLong(this.startNanos);

    private final AtomicLong longestWriteGap = new AtomicLong();

    private final AtomicLong firstError = new AtomicLong();

    private final AtomicLong lastError = new AtomicLong();

    private final AtomicLong lastSlow = new AtomicLong();

    private volatile long faultNanos;

    private volatile boolean stopped;

    private ChaosLoad(Store store, ChaosLedger ledger, Settings settings) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
    }

    /**
     * Starts the writer and reader threads.
     * @param store wedding data, as services use it
     * @param ledger where acknowledged writes go
     * @param settings how many threads, how fast, how long
     * @return the running load
     */
    static ChaosLoad start(Store store, ChaosLedger ledger, Settings settings) {
        ChaosLoad load = new ChaosLoad(store, ledger, settings);
        for (int i = 0; i < settings.writers(); i++) {
            load.startThread("chaos-writer-" + i, settings.writesPerSecond(), load::write);
        }
        for (int i = 0; i < settings.readers(); i++) {
            load.startThread("chaos-reader-" + i, settings.readsPerSecond(), load::read);
        }
        return load;
    }

    /**
     * Runs the load, and the fault once the grid has acknowledged some writes; then waits
     * for the load to end.
     * @param store wedding data, as services use it
     * @param ledger where acknowledged writes go
     * @param settings how many threads, how fast, how long
     * @param writesBeforeFault how many writes the grid acknowledges before the fault
     * @param fault what happens to the grid; recovery times count from its start
     * @return what the load saw
     */
    static Result around(Store store, ChaosLedger ledger, Settings settings, long writesBeforeFault, Runnable fault)
            throws InterruptedException {
        long before = ledger.size();
        ChaosLoad load = start(store, ledger, settings);
        await("writes before the fault").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> ledger.size() - before >= writesBeforeFault);
        load.markFault();
        fault.run();
        return load.finish();
    }

    /** Notes that the fault happens now: recovery times count from here. */
    void markFault() {
        this.faultNanos = System.nanoTime();
    }

    /**
     * Ends the load now, before its duration is up, and returns what it saw.
     * @return the figures
     * @throws AssertionError if a thread is still running well after the end
     */
    Result stop() throws InterruptedException {
        this.stopped = true;
        return finish();
    }

    /**
     * Waits for the load to end (its duration plus an operation timeout or so) and
     * returns what it saw.
     * @return the figures
     * @throws AssertionError if a thread is still running well after the end
     */
    Result finish() throws InterruptedException {
        long deadline = this.startNanos + this.settings.duration().plusSeconds(30).toNanos();
        for (Thread thread : this.threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                this.threads.forEach(Thread::interrupt);
                throw new AssertionError(thread.getName() + " still running 30 s after the load's end");
            }
        }
        long from = (this.faultNanos != 0) ? this.faultNanos : this.startNanos;
        Map<String, Long> byType = new TreeMap<>();
        this.errors.forEach((type, count) -> byType.put(type, count.sum()));
        return new Result(this.writesOk.sum(), this.reads.sum(), this.wrongReads.sum(), this.abandoned.sum(), byType,
                Duration.ofNanos(this.longestWrite.get()), seconds(this.longestWriteAt.get(), from),
                Duration.ofNanos(this.longestWriteCall.get()), Duration.ofNanos(this.longestWriteGap.get()),
                Duration.ofNanos(this.longestRead.get()), seconds(this.firstError.get(), from),
                seconds(this.lastError.get(), from),
                seconds(Math.max(this.lastError.get(), this.lastSlow.get()), from));
    }

    private static double seconds(long nanos, long from) {
        return (nanos == 0) ? 0 : Math.max(0, (nanos - from) / 1e9);
    }

    private void startThread(String name, int perSecond, Operation operation) {
        Thread thread = new Thread(() -> run(perSecond, operation), name);
        thread.setDaemon(true);
        this.threads.add(thread);
        thread.start();
    }

    private void run(int perSecond, Operation operation) {
        long interval = 1_000_000_000L / perSecond;
        long end = this.startNanos + this.settings.duration().toNanos();
        for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
            long intended = this.startNanos + n * interval;
            long now = System.nanoTime();
            if (this.stopped) {
                return;
            }
            if (intended >= end || now >= end) {
                this.abandoned.add(Math.max(0, (end - intended) / interval));
                return;
            }
            if (intended > now) {
                // The metronome of an open model: wait for the operation's intended
                // start.
                LockSupport.parkNanos(intended - now);
            }
            operation.run(intended);
        }
    }

    private void write(long intended) {
        long number = this.ledger.next();
        long sent = System.nanoTime();
        try {
            this.store.put(ChaosLedger.key(number), ChaosLedger.value(number));
            long done = System.nanoTime();
            this.longestWriteCall.accumulateAndGet(done - sent, Math::max);
            this.ledger.acknowledged(number);
            this.writesOk.increment();
            if (this.longestWrite.accumulateAndGet(done - intended, Math::max) == done - intended) {
                this.longestWriteAt.set(done);
            }
            long previous = this.lastWriteOk.getAndAccumulate(done, Math::max);
            this.longestWriteGap.accumulateAndGet(done - previous, Math::max);
            noteSlow(intended, done);
        }
        catch (RuntimeException ex) {
            this.longestWriteCall.accumulateAndGet(System.nanoTime() - sent, Math::max);
            failed("put", ex);
        }
    }

    private void read(long intended) {
        long highest = this.ledger.highest();
        if (highest == 0) {
            return;
        }
        long number = ThreadLocalRandom.current().nextLong(1, highest + 1);
        // Only a write acknowledged before the read was sent must be seen: one
        // acknowledged while the read was under way may or may not be (a read answered
        // before the write was applied counted as wrong in a MemberLossIT).
        String expected = this.ledger.expected(number);
        try {
            String value = this.store.get(ChaosLedger.key(number));
            long done = System.nanoTime();
            this.reads.increment();
            if (expected != null && !expected.equals(value)) {
                this.wrongReads.increment();
            }
            this.longestRead.accumulateAndGet(done - intended, Math::max);
            noteSlow(intended, done);
        }
        catch (RuntimeException ex) {
            failed("get", ex);
        }
    }

    private void noteSlow(long intended, long done) {
        if (done - intended > SLOW.toNanos()) {
            this.lastSlow.accumulateAndGet(done, Math::max);
        }
    }

    private void failed(String operation, RuntimeException ex) {
        long now = System.nanoTime();
        this.firstError.compareAndSet(0, now);
        this.lastError.accumulateAndGet(now, Math::max);
        String type = operation + ":" + ex.getClass().getSimpleName()
                + ((ex.getCause() != null) ? "<" + ex.getCause().getClass().getSimpleName() : "");
        this.errors.computeIfAbsent(type, (key) -> new LongAdder()).increment();
    }

    /**
     * Wedding data as a service reaches it: through grid-client's region, or a plain
     * Hazelcast client's map.
     */
    interface Store {

        void put(WeddingKey key, String value);

        String get(WeddingKey key);

        static Store of(CacheRegion<WeddingKey, String> region) {
            return of(region::put, region::get);
        }

        static Store of(IMap<WeddingKey, String> map) {
            return of(map::set, map::get);
        }

        private static Store of(BiConsumer<WeddingKey, String> put, Function<WeddingKey, String> get) {
            return new Store() {
                @Override
                public void put(WeddingKey key, String value) {
                    put.accept(key, value);
                }

                @Override
                public String get(WeddingKey key) {
                    return get.apply(key);
                }
            };
        }

    }

    @FunctionalInterface
    private interface Operation {

        void run(long intendedNanos);

    }

    /**
     * How much load, for how long.
     *
     * @param writers writer threads
     * @param writesPerSecond writes per second of each writer
     * @param readers reader threads
     * @param readsPerSecond reads per second of each reader
     * @param duration how long the load runs; nothing starts after it
     */
    record Settings(int writers, int writesPerSecond, int readers, int readsPerSecond, Duration duration) {
    }

    /**
     * What the load saw.
     *
     * @param writesAcknowledged writes the grid acknowledged
     * @param reads reads answered
     * @param wrongReads reads of an acknowledged write that answered nothing or another
     * value
     * @param abandoned operations not started because the load was behind schedule at its
     * end
     * @param errors client errors by {@code operation:exception<cause}
     * @param longestWrite the longest write, from its intended start to its
     * acknowledgement: includes waiting behind an earlier slow write of the same writer,
     * and the generator's own lag on busy cores
     * @param longestWriteAtSeconds when that write ended, in seconds after the fault
     * @param longestWriteCall the longest single write call, from sending it to its
     * acknowledgement or failure
     * @param longestWriteGap the longest time between two acknowledged writes (of any
     * writer)
     * @param longestRead the longest read, from its intended start
     * @param secondsToFirstError from the fault to the first failed operation (0: none
     * failed)
     * @param secondsToErrorFree from the fault to the last failed operation (0: none
     * failed)
     * @param secondsToRecover from the fault to the last operation that failed or took
     * longer than {@link #SLOW}
     */
    record Result(long writesAcknowledged, long reads, long wrongReads, long abandoned, Map<String, Long> errors,
            Duration longestWrite, double longestWriteAtSeconds, Duration longestWriteCall, Duration longestWriteGap,
            Duration longestRead, double secondsToFirstError, double secondsToErrorFree, double secondsToRecover) {

        long errorCount() {
            return this.errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * The longest write stall: the longer of the longest write call and the longest
         * gap between acknowledged writes (what the grid held up, without the generator's
         * own lag).
         */
        Duration longestStall() {
            return (this.longestWriteCall.compareTo(this.longestWriteGap) >= 0) ? this.longestWriteCall
                    : this.longestWriteGap;
        }

        @Override
        public String toString() {
            return String.format("writes acknowledged=%d reads=%d wrongReads=%d abandoned=%d errors=%d %s "
                    + "longestWrite=%d ms (ended %.2f s after the fault) longestWriteCall=%d ms longestWriteGap=%d ms "
                    + "longestRead=%d ms " + "errors from %.2f s to %.2f s (errorFreeAfter) recoveredAfter=%.2f s",
                    this.writesAcknowledged, this.reads, this.wrongReads, this.abandoned, errorCount(), this.errors,
                    this.longestWrite.toMillis(), this.longestWriteAtSeconds, this.longestWriteCall.toMillis(),
                    this.longestWriteGap.toMillis(), this.longestRead.toMillis(), this.secondsToFirstError,
                    this.secondsToErrorFree, this.secondsToRecover);
        }
    }

}

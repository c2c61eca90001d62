package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Three members, one client writing and reading without pause, and one member killed
 * (terminated, not shut down gracefully) mid-run. Acknowledged writes to wedding data
 * (two backups) and vendor responses (one backup) must all survive with their last
 * acknowledged value, and neither reads nor writes may fail before the kill or once the
 * failure has been dealt with. Counts are printed ({@code [failover] ...}).
 */
class FailoverIT {

    private static final int WEDDINGS = 1000;

    /**
     * Reads and writes may fail for at most this long after the kill: one in flight then
     * waits its timeout.
     */
    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(5);

    /**
     * Acknowledged writes to wedding data, and reads, before the kill (every wedding
     * once) and again after.
     */
    private static final long MILESTONE = WEDDINGS;

    /** The hard bound of the writer's and reader's loops, whatever happens. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    @Test
    void acknowledgedWritesSurviveTheAbruptLossOfAMemberAndReadsAndWritesRecover() throws Exception {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("failover").start(3)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            GridClient client = TestClients.connect(grid, meters);
            Workload work = new Workload(client.region(DataClass.WEDDING_DATA, String.class),
                    client.region(DataClass.VENDOR_RESPONSES, String.class));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> writer = threads.submit(work::writeLoop);
                Future<?> reader = threads.submit(work::readLoop);

                await("writes and reads before the kill").atMost(LoopbackGrid.TIMEOUT)
                    .until(() -> work.weddingAcks.get() >= MILESTONE && work.reads.get() >= MILESTONE);
                HazelcastInstance victim = grid.members().get(0);
                work.killedAt = System.nanoTime();
                victim.getLifecycleService().terminate();
                grid.awaitSafe(2);
                long safeAt = System.nanoTime();
                long acksAtSafe = work.weddingAcks.get();
                long readsAtSafe = work.reads.get();
                await("writes and reads after the cluster is safe again").atMost(LoopbackGrid.TIMEOUT)
                    .until(() -> work.weddingAcks.get() - acksAtSafe >= MILESTONE
                            && work.reads.get() - readsAtSafe >= MILESTONE);
                work.stop = true;
                writer.get(30, TimeUnit.SECONDS);
                reader.get(30, TimeUnit.SECONDS);

                IMap<Object, Object> weddingsL2 = l2(grid, DataClass.WEDDING_DATA);
                IMap<Object, Object> vendorsL2 = l2(grid, DataClass.VENDOR_RESPONSES);
                List<String> weddingLosses = work.weddingLedger.check(work.weddings::get, "region");
                weddingLosses.addAll(work.weddingLedger.check(weddingsL2::get, "member"));
                List<String> vendorLosses = work.vendorLedger.check(work.vendors::get, "region");
                vendorLosses.addAll(work.vendorLedger.check(vendorsL2::get, "member"));
                System.out.println(work.report(safeAt, weddingLosses, vendorLosses));
                System.out.println("[failover] reads by layer: " + layers(meters) + "; run "
                        + (System.nanoTime() - work.startedAt) / 1_000_000 + " ms, kill at "
                        + (work.killedAt - work.startedAt) / 1_000_000 + " ms");

                assertThat(weddingLosses).as("wedding_data keys not holding their last acknowledged value").isEmpty();
                assertThat(vendorLosses).as("vendor_responses keys not holding their last acknowledged value")
                    .isEmpty();
                assertThat(work.writeFailures.keySet()).as("write failures, by ms after the kill")
                    .allSatisfy((at) -> assertThat(at).isBetween(0L, SETTLE_WINDOW.toMillis()));
                assertThat(work.readFailures.keySet()).as("read failures, by ms after the kill")
                    .allSatisfy((at) -> assertThat(at).isBetween(0L, SETTLE_WINDOW.toMillis()));
            }
            finally {
                work.stop = true;
                threads.shutdownNow();
                threads.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Long> layers(SimpleMeterRegistry meters) {
        Map<String, Long> counts = new TreeMap<>();
        meters.find("grid.region.gets")
            .counters()
            .forEach(
                    (counter) -> counts.merge(counter.getId().getTag("region") + "/" + counter.getId().getTag("result"),
                            (long) counter.count(), Long::sum));
        return counts;
    }

    /** Reads a map on a surviving member, past any near cache. */
    private static IMap<Object, Object> l2(LoopbackGrid grid, DataClass dataClass) {
        return grid.members().get(1).getMap(grid.catalog().policy(dataClass).mapName());
    }

    /**
     * What every key was last acknowledged as, and what unacknowledged writes since then
     * may have stored.
     */
    private static final class Ledger {

        private final Map<WeddingKey, String> acked = new ConcurrentHashMap<>();

        private final Map<WeddingKey, Set<String>> maybe = new ConcurrentHashMap<>();

        void acked(WeddingKey key, String value) {
            this.acked.put(key, value);
            this.maybe.remove(key);
        }

        void failed(WeddingKey key, String value) {
            this.maybe.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet()).add(value);
        }

        int uncertain() {
            return this.maybe.size();
        }

        int keys() {
            return this.acked.size();
        }

        List<String> check(Function<WeddingKey, Object> read, String via) {
            List<String> losses = new ArrayList<>();
            this.acked.forEach((key, value) -> {
                Object found = read.apply(key);
                boolean ok = value.equals(found) || this.maybe.getOrDefault(key, Set.of()).contains(found);
                if (!ok) {
                    losses.add(via + ": " + key + " holds " + found + ", last acknowledged " + value);
                }
            });
            return losses;
        }

    }

    /** The writer's and the reader's loops and what they saw. */
    private static final class Workload {

        final CacheRegion<WeddingKey, String> weddings;

        final CacheRegion<WeddingKey, String> vendors;

        final Ledger weddingLedger = new Ledger();

        final Ledger vendorLedger = new Ledger();

        final AtomicLong weddingAcks = new AtomicLong();

        final AtomicLong vendorAcks = new AtomicLong();

        final AtomicLong reads = new AtomicLong();

        /**
         * Failures by ms after the kill (negative: before it), as "operation: exception"
         * lines.
         */
        final Map<Long, List<String>> writeFailures = new ConcurrentHashMap<>();

        final Map<Long, List<String>> readFailures = new ConcurrentHashMap<>();

        volatile boolean stop;

        volatile long killedAt;

        final long startedAt = System.nanoTime();

        private final long runEnd = this.startedAt + RUN_LIMIT.toNanos();

        Workload(CacheRegion<WeddingKey, String> weddings, CacheRegion<WeddingKey, String> vendors) {
            this.weddings = weddings;
            this.vendors = vendors;
        }

        void writeLoop() {
            for (long seq = 0; running(); seq++) {
                String weddingId = weddingId((int) (seq % WEDDINGS));
                put(this.weddings, this.weddingLedger, this.weddingAcks, new WeddingKey(weddingId, "timeline"),
                        "timeline#" + seq);
                put(this.vendors, this.vendorLedger, this.vendorAcks, new WeddingKey(weddingId, "vendor:florist"),
                        "quote#" + seq);
            }
        }

        void readLoop() {
            while (running()) {
                String weddingId = weddingId(ThreadLocalRandom.current().nextInt(WEDDINGS));
                read("get wedding_data", this.weddings, new WeddingKey(weddingId, "timeline"));
                read("get vendor_responses", this.vendors, new WeddingKey(weddingId, "vendor:florist"));
                // Never written: L1 holds no entry for it, so this read always goes to
                // the grid.
                read("get wedding_data (absent)", this.weddings, new WeddingKey(weddingId, "absent"));
            }
        }

        private boolean running() {
            return !this.stop && System.nanoTime() - this.runEnd < 0;
        }

        private void put(CacheRegion<WeddingKey, String> region, Ledger ledger, AtomicLong acks, WeddingKey key,
                String value) {
            try {
                region.put(key, value);
                ledger.acked(key, value);
                acks.incrementAndGet();
            }
            catch (RuntimeException ex) {
                ledger.failed(key, value);
                failure(this.writeFailures, "put " + region.dataClass().id(), ex);
            }
        }

        private void read(String operation, CacheRegion<WeddingKey, String> region, WeddingKey key) {
            try {
                region.get(key);
                this.reads.incrementAndGet();
            }
            catch (RuntimeException ex) {
                failure(this.readFailures, operation, ex);
            }
        }

        private void failure(Map<Long, List<String>> failures, String operation, RuntimeException ex) {
            long at = (this.killedAt == 0) ? Long.MIN_VALUE : (System.nanoTime() - this.killedAt) / 1_000_000;
            failures.computeIfAbsent(at, (k) -> Collections.synchronizedList(new ArrayList<>()))
                .add(operation + ": " + ex.getClass().getName());
        }

        String report(long safeAt, List<String> weddingLosses, List<String> vendorLosses) {
            return String.format(Locale.ROOT,
                    "[failover] members=3->2 (terminate) safeAfter=%d ms%n"
                            + "[failover] writes acked: wedding_data=%d (%d keys) vendor_responses=%d (%d keys); "
                            + "keys with an unacknowledged later write: wedding_data=%d vendor_responses=%d%n"
                            + "[failover] write failures=%d %s%n" + "[failover] reads ok=%d read failures=%d %s%n"
                            + "[failover] lost acknowledged values: wedding_data=%d vendor_responses=%d %s",
                    (safeAt - this.killedAt) / 1_000_000, this.weddingAcks.get(), this.weddingLedger.keys(),
                    this.vendorAcks.get(), this.vendorLedger.keys(), this.weddingLedger.uncertain(),
                    this.vendorLedger.uncertain(), count(this.writeFailures), new TreeMap<>(this.writeFailures),
                    this.reads.get(), count(this.readFailures), new TreeMap<>(this.readFailures), weddingLosses.size(),
                    vendorLosses.size(),
                    weddingLosses.stream().limit(5).toList() + " " + vendorLosses.stream().limit(5).toList());
        }

        private static int count(Map<Long, List<String>> failures) {
            return failures.values().stream().mapToInt(List::size).sum();
        }

        private static String weddingId(int n) {
            return String.format(Locale.ROOT, "w-2026-06-13-%04d", n);
        }

    }

}

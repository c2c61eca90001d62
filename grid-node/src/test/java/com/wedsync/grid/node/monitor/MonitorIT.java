package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.member.ClusterEventListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor on two real members over loopback, driven by hand on a fixed clock: each
 * member's sample is the difference of Hazelcast's totals over exactly one interval, and
 * the cluster's figures sum both members. A sample's operation queue size counts the
 * tasks waiting behind a blocked partition thread.
 */
class MonitorIT {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final long LIMIT = 64L << 20;

    /** How many tasks wait behind the blocked partition thread. */
    private static final int WAITING = 20;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final MemoryBudget budget = MemoryBudget.of(this.catalog, LIMIT);

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("monitor").portSpan(2).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-13T12:00:00Z"));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDown() {
        this.scheduler.shutdownNow();
        this.loopback.close();
    }

    @Test
    void samplesCoverOneIntervalAndTheClusterFiguresSumTheMembers() {
        HazelcastInstance first = start();
        HazelcastInstance second = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.getPartitionService().isClusterSafe());
        Monitor firstMonitor = monitor(first, new SampleHistory(10));
        Monitor secondMonitor = monitor(second, new SampleHistory(10));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MonitorMetrics(firstMonitor.history(), this.catalog).bindTo(registry);

        IMap<WeddingKey, String> vendors = first.getMap("vendor_responses");
        for (int i = 0; i < 200; i++) {
            vendors.set(new WeddingKey("w-" + i, "v"), "response-" + i);
        }
        for (int i = 0; i < 400; i++) {
            vendors.get(new WeddingKey("w-" + (i % 200), "v"));
        }
        for (int i = 0; i < 100; i++) {
            vendors.get(new WeddingKey("w-missing-" + i, "v"));
        }
        this.clock.advance(INTERVAL);
        MemberSample a = firstMonitor.sampleNow().orElseThrow();
        MemberSample b = secondMonitor.sampleNow().orElseThrow();

        MapSample va = a.map("vendor_responses");
        MapSample vb = b.map("vendor_responses");
        assertThat(va.gets() + vb.gets()).isEqualTo(500);
        assertThat(va.hits() + vb.hits()).isEqualTo(400);
        assertThat(va.puts() + vb.puts()).isEqualTo(200);
        assertThat(a.interval()).isEqualTo(INTERVAL);
        assertThat(va.opsPerSecond()).isEqualTo((va.gets() + va.puts()) / 5.0);
        assertThat(va.memoryBytes()).isPositive();
        assertThat(va.memoryRatio()).isEqualTo((double) va.memoryBytes() / va.budgetBytes());
        assertThat(va.budgetBytes()).isEqualTo(this.budget.bytes("vendor_responses"));
        assertThat(a.maps()).filteredOn(MapSample::memoryAlert)
            .as("the catalog's memory-alert maps")
            .extracting(MapSample::map)
            .containsExactly("wedding_data");
        assertThat(a.memoryUsedShare()).as("the memory-alert map against its own budget, not the filled cache")
            .isEqualTo(a.map("wedding_data").memoryRatio())
            .isLessThan(va.memoryRatio());
        assertThat(a.map("wedding_data").hitRatio()).isNaN();
        assertThat(a.heapUsedRatio()).isBetween(0.0, 1.0);

        // The summaries travel through a replicated map, asynchronously: the first
        // member's may reach the second after the second's sample has aggregated.
        await("both members' summaries on the second").atMost(Duration.ofSeconds(10))
            .until(() -> secondMonitor.cluster().aggregate(b.at()).members() == 2);
        ClusterFigures cluster = secondMonitor.cluster().aggregate(b.at());
        assertThat(cluster.members()).isEqualTo(2);
        assertThat(cluster.gets()).containsEntry("vendor_responses", 500L);
        assertThat(cluster.hitRatio("vendor_responses")).isEqualTo(0.8);
        assertThat(cluster.opsPerSecond()).isEqualTo(a.opsPerSecond() + b.opsPerSecond());
        assertThat(firstMonitor.cluster().coordinates()).isTrue();
        assertThat(secondMonitor.cluster().coordinates()).isFalse();

        assertThat(registry.get("grid.monitor.ops.per.second").tag("map", "vendor_responses").gauge().value())
            .isEqualTo(va.opsPerSecond());
        assertThat(registry.get("grid.monitor.hit.ratio").tag("map", "vendor_responses").gauge().value())
            .isEqualTo(va.hitRatio());
        assertThat(registry.get("grid.monitor.hit.ratio").tag("map", "wedding_data").gauge().value()).isNaN();
        assertThat(registry.get("grid.monitor.heap.used.ratio").gauge().value()).isEqualTo(a.heapUsedRatio());

        // The next interval starts from the totals the first one ended with.
        this.clock.advance(INTERVAL);
        MemberSample quiet = firstMonitor.sampleNow().orElseThrow();
        assertThat(quiet.map("vendor_responses").operations()).isZero();
        assertThat(quiet.latencyMs()).isNaN();
    }

    @Test
    void theSampleCountsOperationsWaitingInTheMembersQueues() throws InterruptedException {
        HazelcastInstance member = start();
        LocalSampler sampler = new LocalSampler(member, this.catalog, this.budget, new ClusterEventListener(), () -> 0,
                this.clock);
        OperationServiceImpl operations = ((HazelcastInstanceProxy) member).getOriginal().node.getNodeEngine()
            .getOperationService();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // Holds the thread of partition 0, so the tasks queued behind it wait.
            operations.execute(onPartitionZero(() -> {
                running.countDown();
                awaitQuietly(release);
            }));
            assertThat(running.await(30, TimeUnit.SECONDS)).as("partition 0's thread runs the blocking task").isTrue();
            for (int i = 0; i < WAITING; i++) {
                operations.execute(onPartitionZero(() -> {
                }));
            }
            assertThat(sampler.sample().operationQueueSize()).as("operations waiting").isGreaterThanOrEqualTo(WAITING);
        }
        finally {
            release.countDown();
        }
        await("the queue drains").atMost(Duration.ofSeconds(30))
            .until(() -> sampler.sample().operationQueueSize(), (size) -> size >= 0 && size < WAITING);
    }

    @Test
    void theGaugesAreUnknownBeforeTheFirstSample() {
        HazelcastInstance member = start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MonitorMetrics(monitor(member, new SampleHistory(10)).history(), this.catalog).bindTo(registry);

        assertThat(registry.get("grid.monitor.latency.ms").tag("map", "wedding_data").gauge().value()).isNaN();
        assertThat(registry.get("grid.monitor.heap.used.ratio").gauge().value()).isNaN();
        assertThat(registry.find("grid.monitor.memory.ratio").gauges()).hasSize(5);
    }

    private static PartitionSpecificRunnable onPartitionZero(Runnable task) {
        return new PartitionSpecificRunnable() {

            @Override
            public int getPartitionId() {
                return 0;
            }

            @Override
            public void run() {
                task.run();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private Monitor monitor(HazelcastInstance member, SampleHistory history) {
        ClusterEventListener events = new ClusterEventListener();
        LocalSampler sampler = new LocalSampler(member, this.catalog, this.budget, events, () -> 0, this.clock);
        return new Monitor(member, sampler, history, new ClusterSamples(member, INTERVAL), List.of(), Map::of,
                this.scheduler, INTERVAL);
    }

    private HazelcastInstance start() {
        Config config = this.loopback.memberConfig((member) -> member.memoryLimitBytes(LIMIT));
        config.addListenerConfig(new ListenerConfig(new ClusterEventListener()));
        return this.loopback.startMember(config);
    }

}

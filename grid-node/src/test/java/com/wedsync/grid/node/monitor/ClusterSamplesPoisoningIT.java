package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.node.member.ClusterEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that reaches the member port puts malformed or forged summaries into the
 * monitor's replicated map (one under no member's UUID, one dated far in the future): a
 * real member skips each of them with one WARN naming its key and problem, and its
 * cluster figures (what the alert and scaling listeners get) still come from the good
 * summaries, its own and one the same client put under the other member's UUID.
 */
class ClusterSamplesPoisoningIT {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final long LIMIT = 64L << 20;

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("poisoning").portSpan(2).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-13T12:00:00Z"));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final Logger logger = (Logger) LoggerFactory.getLogger(ClusterSamples.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        this.logged.start();
        this.logger.addAppender(this.logged);
    }

    @AfterEach
    void shutDown() {
        this.logger.detachAppender(this.logged);
        this.scheduler.shutdownNow();
        this.loopback.close();
    }

    @Test
    void malformedSummariesAreSkippedOnceEachAndTheGoodOnesStillMakeTheClusterFigures() {
        HazelcastInstance member = start();
        String other = start().getCluster().getLocalMember().getUuid().toString();
        String third = start().getCluster().getLocalMember().getUuid().toString();
        List<ClusterFigures> heard = new CopyOnWriteArrayList<>();
        Monitor monitor = monitor(member, (sample, figures) -> heard.add(figures));
        MemberSample own = monitor.sampleNow().orElseThrow();
        ClusterFigures control = monitor.cluster().aggregate(this.clock.instant());
        assertThat(control.members()).isEqualTo(1);
        assertThat(control.opsPerSecond()).isEqualTo(own.opsPerSecond());

        ReplicatedMap<Object, Object> shared = client().getReplicatedMap(ClusterSamples.MAP);
        Map<Object, Object> malformed = malformed();
        // Well-formed, but under no member's UUID, and a current member's summary dated
        // for ever fresh: each would otherwise add a member and its ops to what scaling
        // sees.
        malformed.put(uuid(), summary(1000.0, new String[0], new long[0], new long[0], new String[0]));
        malformed.put(third, new MemberSummary("127.0.0.1:3", Long.MAX_VALUE, 1000.0, 0.9, new String[0], new long[0],
                new long[0], new String[0]));
        malformed.forEach(shared::put);
        // The control entry: a well-formed summary from the same client under a member's
        // UUID counts, so the others are skipped for what they hold, not for where they
        // came from.
        shared.put(other,
                new MemberSummary("127.0.0.1:2", this.clock.instant().toEpochMilli(), 10.0, 0.25,
                        new String[] { "vendor_responses" }, new long[] { 100 }, new long[] { 50 },
                        new String[] { "hit_ratio=CRITICAL" }));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> member.getReplicatedMap(ClusterSamples.MAP).size() == malformed.size() + 2);

        ClusterFigures figures = monitor.cluster().aggregate(this.clock.instant());
        assertThat(figures.members()).isEqualTo(2);
        assertThat(figures.opsPerSecond()).isEqualTo(own.opsPerSecond() + 10.0);
        assertThat(figures.gets()).containsEntry("vendor_responses", 100L).containsOnlyKeys(control.gets().keySet());
        assertThat(figures.hitRatio("vendor_responses")).isEqualTo(0.5);
        assertThat(figures.maxMemoryUsedShare()).isEqualTo(Math.max(0.25, control.maxMemoryUsedShare()));
        assertThat(figures.worstAlerts()).containsExactlyEntriesOf(Map.of("hit_ratio", Severity.CRITICAL));

        // At most a few reports per read: the first read named 8 of the 12 keys, the next
        // the other 4, then none.
        assertThat(warnings()).hasSize(ClusterSamples.REPORTS_PER_READ);
        monitor.cluster().aggregate(this.clock.instant());
        monitor.cluster().aggregate(this.clock.instant());
        assertThat(warnings()).hasSize(malformed.size())
            .allSatisfy((warning) -> assertThat(warning).startsWith("event=monitor_summary_skipped member=")
                .contains(" key='", " problem="));
        for (Object key : malformed.keySet()) {
            assertThat(warnings()).filteredOn((warning) -> warning.contains("key=" + SummaryCheck.quote(key)))
                .hasSize(1);
        }
        assertThat(warnings())
            .anySatisfy((warning) -> assertThat(warning).contains("problem=gets has 1 and hits 2 figures for 2 maps"));
        assertThat(warnings()).anySatisfy((warning) -> assertThat(warning)
            .contains("problem=worstAlerts[0] is 'hit_ratio', must be rule=severity"));
        assertThat(warnings()).anySatisfy((warning) -> assertThat(warning).contains("key='not-a-member?uuid'",
                "problem=key 'not-a-member?uuid' is not a member UUID"));
        assertThat(warnings()).anySatisfy((warning) -> assertThat(warning).contains("is not a current member's UUID"));
        assertThat(warnings()).anySatisfy((warning) -> assertThat(warning).contains("key='" + third + "'",
                "problem=atMillis is " + Long.MAX_VALUE + ", later than one sample"));

        // The monitor's next sample still reaches its listeners with the good figures.
        this.clock.advance(INTERVAL);
        MemberSample next = monitor.sampleNow().orElseThrow();
        assertThat(heard).hasSize(2).last().satisfies((last) -> {
            assertThat(last.members()).isEqualTo(2);
            assertThat(last.opsPerSecond()).isEqualTo(next.opsPerSecond() + 10.0);
        });
        assertThat(warnings()).hasSize(malformed.size());
    }

    private Map<Object, Object> malformed() {
        String[] maps = { "vendor_responses", "wedding_data" };
        long[] two = { 1, 1 };
        String[] none = {};
        Map<Object, Object> entries = new LinkedHashMap<>();
        entries.put(uuid(), summary(1.0, maps, new long[] { 1 }, two, none));
        entries.put(uuid(), summary(1.0, maps, two, two, new String[] { "hit_ratio" }));
        entries.put(uuid(), summary(1.0, maps, two, two, new String[] { "hit_ratio=SEVERE" }));
        entries.put(uuid(), summary(1.0, maps, two, two, new String[] { null }));
        entries.put(uuid(), summary(Double.NaN, maps, two, two, none));
        entries.put(uuid(), summary(Double.POSITIVE_INFINITY, maps, two, two, none));
        entries.put(uuid(), summary(1.0, maps, new long[] { -1, 1 }, two, none));
        entries.put(uuid(), summary(1.0, null, two, two, none));
        entries.put(uuid(), "not a summary");
        entries.put("not-a-member\nuuid", summary(1.0, maps, two, two, none));
        return entries;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    /**
     * A fresh summary that would raise the fullest member's share to 0.9 if it were
     * aggregated.
     */
    private MemberSummary summary(double ops, String[] maps, long[] gets, long[] hits, String[] alerts) {
        return new MemberSummary("127.0.0.1:1", this.clock.instant().toEpochMilli(), ops, 0.9, maps, gets, hits,
                alerts);
    }

    private List<String> warnings() {
        return this.logged.list.stream()
            .filter((event) -> event.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    }

    private Monitor monitor(HazelcastInstance member, SampleListener listener) {
        Catalog catalog = CatalogLoader.loadDefault();
        LocalSampler sampler = new LocalSampler(member, catalog, MemoryBudget.of(catalog, LIMIT),
                new ClusterEventListener(), () -> 0, this.clock);
        return new Monitor(member, sampler, new SampleHistory(10), new ClusterSamples(member, INTERVAL),
                List.of(listener), Map::of, this.scheduler, INTERVAL);
    }

    private HazelcastInstance start() {
        Config config = this.loopback.memberConfig((member) -> member.memoryLimitBytes(LIMIT));
        return this.loopback.startMember(config);
    }

    private HazelcastInstance client() {
        ClientConfig config = new ClientConfig().setClusterName(this.loopback.clusterName());
        config.getNetworkConfig().setAddresses(this.loopback.addresses());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        this.loopback.closeWith(client::shutdown);
        return client;
    }

}

package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.clients.ClientSummary;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The oldest member merges the clients' summaries from the replicated map: counts and
 * rates summed, percentiles read from the merged histograms (not averaged), stale
 * summaries left out, a malformed one skipped with one WARN however often it is read.
 */
class ClientSamplesIT {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Instant NOW = Instant.parse("2026-06-13T12:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(ClientSamples.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        this.logged.start();
        this.logger.addAppender(this.logged);
    }

    @AfterEach
    void detach() {
        this.logger.detachAppender(this.logged);
    }

    @Test
    void summariesAreMergedPerClassAndOverAllAndABadOneIsSkippedOnce() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("client-samples").start(1)) {
            HazelcastInstance member = grid.members().get(0);
            ClientSamples samples = new ClientSamples(member, INTERVAL, CatalogLoader.loadDefault());
            ReplicatedMap<Object, Object> map = member.getReplicatedMap(ClientSummary.MAP);
            long now = NOW.toEpochMilli();
            String fast = uuid();
            String slow = uuid();
            // 95 fast reads at 0.1 ms (all hits) and 5 slow ones at 3 ms (3 misses) of
            // vendor
            // responses: the p95 is fast, the p99 slow; an average of the clients' p95s
            // (0.1 and 3 ms) would be 1.55 ms
            map.put(fast, ClientSummaries.of(fast, now, "vendor_responses", 90, 5, 0, 100_000));
            map.put(slow, ClientSummaries.of(slow, now - 500, "vendor_responses", 0, 2, 3, 3_000_000));
            String guests = uuid();
            map.put(guests, ClientSummaries.of(guests, now, "guest_interactions", 50, 0, 0, 100_000));
            String stale = uuid();
            map.put(stale, ClientSummaries.of(stale, now - 3_001, "vendor_responses", 0, 0, 1000, 9_000_000));
            String forged = uuid();
            map.put(forged, ClientSummaries.of(uuid(), now, "vendor_responses", 0, 0, 1000, 9_000_000));

            ClientFigures figures = samples.aggregate(NOW);
            samples.aggregate(NOW);

            assertThat(figures.clients()).isEqualTo(3);
            ClientClassFigures vendors = figures.of("vendor_responses");
            assertThat(vendors.reads()).isEqualTo(100);
            assertThat(vendors.hitRatio()).isEqualTo(0.97);
            assertThat(vendors.l1HitRatio()).isEqualTo(0.90);
            assertThat(vendors.opsPerSecond()).as("each client's reads and 10 writes over its 1 s").isEqualTo(120);
            assertThat(vendors.p95Ms()).isCloseTo(0.1, within(0.001));
            assertThat(vendors.p99Ms()).isCloseTo(3.0, within(0.03));
            assertThat(figures.all().reads()).isEqualTo(150);
            assertThat(figures.all().opsPerSecond()).isEqualTo(180);
            assertThat(figures.all().p99Ms()).isCloseTo(3.0, within(0.03));
            assertThat(figures.of("wedding_data")).isEqualTo(ClientClassFigures.NONE);
            assertThat(warnings()).singleElement()
                .satisfies((warning) -> assertThat(warning).startsWith("event=client_summary_skipped member=")
                    .contains("key='" + forged + "'", "problem=client is '")
                    .endsWith(", not its key"));
        }
    }

    private List<String> warnings() {
        return this.logged.list.stream()
            .filter((event) -> event.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

}

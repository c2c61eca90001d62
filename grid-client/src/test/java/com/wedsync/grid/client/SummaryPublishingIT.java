package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A client shares what it saw with the cluster every sample interval: the members'
 * replicated map {@value ClientSummary#MAP} receives its summaries under its UUID, their
 * figures add up to exactly the client's reads and writes, and its entry expires once the
 * client is gone.
 */
class SummaryPublishingIT {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    @Test
    void theSummariesAddUpToTheClientsReadsAndWritesAndExpireAfterIt() {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("summary-publishing").start(1)) {
            ReplicatedMap<String, ClientSummary> map = grid.members().get(0).getReplicatedMap(ClientSummary.MAP);
            List<ClientSummary> received = new CopyOnWriteArrayList<>();
            map.addEntryListener(new EntryAdapter<>() {
                @Override
                public void onEntryEvent(EntryEvent<String, ClientSummary> event) {
                    if (event.getValue() != null) {
                        received.add(event.getValue());
                    }
                }
            });
            GridClient client = TestClients.connect(grid, TestClients.settings(grid).withSampleInterval(INTERVAL));
            CacheRegion<WeddingKey, String> region = client.region(DataClass.WEDDING_DATA, String.class);
            List<WeddingKey> keys = IntStream.range(0, 100).mapToObj((i) -> new WeddingKey("w" + i, "k")).toList();
            keys.forEach((key) -> region.put(key, "v"));
            keys.forEach(region::get);
            keys.forEach(region::get);
            region.get(new WeddingKey("absent", "k"));
            String uuid = client.hazelcast().getLocalEndpoint().getUuid().toString();

            await().atMost(LoopbackGrid.TIMEOUT)
                .untilAsserted(() -> assertThat(sum(received, ClientSummary::l2Hits)
                        + sum(received, ClientSummary::l1Hits) + sum(received, ClientSummary::misses))
                    .isEqualTo(201));
            long timedL2AndMiss = 101;
            long latencies = received.stream().mapToLong(SummaryPublishingIT::latencyCount).sum();

            assertThat(received).allSatisfy((summary) -> assertThat(summary.client()).isEqualTo(uuid));
            assertThat(sum(received, ClientSummary::writes)).isEqualTo(100);
            assertThat(sum(received, ClientSummary::misses)).isEqualTo(1);
            assertThat(sum(received, ClientSummary::errors) + sum(received, ClientSummary::timeouts)).isZero();
            assertThat(latencies - timedL2AndMiss).as("timed L1 hits, each counted 64 times")
                .isNotNegative()
                .isEqualTo((latencies - timedL2AndMiss) / 64 * 64);
            assertThat(map.containsKey(uuid)).isTrue();

            client.close();
            await().atMost(LoopbackGrid.TIMEOUT).until(() -> !map.containsKey(uuid));
        }
    }

    private static long sum(List<ClientSummary> summaries, java.util.function.Function<ClientSummary, long[]> figure) {
        return summaries.stream().mapToLong((summary) -> Arrays.stream(figure.apply(summary)).sum()).sum();
    }

    private static long latencyCount(ClientSummary summary) {
        long count = 0;
        int offset = 0;
        for (int length : summary.latencyLengths()) {
            count += ClientLatency.decode(Arrays.copyOfRange(summary.latencies(), offset, offset + length))
                .getTotalCount();
            offset += length;
        }
        return count;
    }

}

package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every method of {@link NodeInternals} against a real Hazelcast member, so that an
 * upgrade that moves or changes what it reaches into fails here, loudly, rather than
 * turning the monitor's queue figure into "unknown".
 */
class NodeInternalsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    /** Operations queued behind the blocked partition thread. */
    private static final int QUEUED = 5;

    private final LoopbackGrid loopback = LoopbackGrid.builder().name("node-internals").portSpan(2).build();

    private HazelcastInstance member;

    private HazelcastInstance client;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        this.release.countDown();
        if (this.client != null) {
            this.client.shutdown();
        }
        this.loopback.close();
    }

    @Test
    void operationQueueSizeCountsTheOperationsWaitingForABusyPartitionThread() {
        this.member = startMember();
        IMap<String, String> map = this.member.getMap("node-internals-probe");
        await().atMost(WITHIN).until(() -> NodeInternals.operationQueueSize(this.member) == 0);

        CompletionStage<Object> blocker = map.submitToKey("w-1", new BlockingProcessor(this.release));
        for (int i = 0; i < QUEUED; i++) {
            map.setAsync("w-1", "queued-" + i);
        }

        await().atMost(WITHIN).until(() -> NodeInternals.operationQueueSize(this.member) >= QUEUED);
        this.release.countDown();
        blocker.toCompletableFuture().join();
        await().atMost(WITHIN).until(() -> NodeInternals.operationQueueSize(this.member) == 0);
    }

    @Test
    void operationQueueSizeIsUnknownOnceTheMemberHasShutDown() {
        HazelcastInstance stopped = startMember();
        stopped.shutdown();

        assertThat(NodeInternals.operationQueueSize(stopped)).isEqualTo(NodeInternals.UNKNOWN);
    }

    @Test
    void operationQueueSizeIsUnknownForAClient() {
        this.member = startMember();
        ClientConfig config = new ClientConfig();
        config.setClusterName(this.member.getConfig().getClusterName());
        config.getNetworkConfig().addAddress(this.loopback.addresses().toArray(String[]::new));
        this.client = HazelcastClient.newHazelcastClient(config);

        assertThat(NodeInternals.operationQueueSize(this.client)).isEqualTo(NodeInternals.UNKNOWN);
    }

    private HazelcastInstance startMember() {
        return this.loopback.startMember(this.loopback.memberConfig((member) -> member.memoryLimitBytes(64L << 20)));
    }

    /**
     * Holds the key's partition thread until the test releases it. It runs on the member
     * that started it, so it is never serialized (the latch could not be).
     */
    private static final class BlockingProcessor implements EntryProcessor<String, String, Object> {

        private final transient CountDownLatch release;

        BlockingProcessor(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Object process(Map.Entry<String, String> entry) {
            try {
                this.release.await(WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

    }

}

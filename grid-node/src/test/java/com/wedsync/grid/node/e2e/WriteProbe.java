package com.wedsync.grid.node.e2e;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.key.WeddingKeySerializer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a new wedding_data entry every {@link #INTERVAL} through one member only (a
 * client in single-member routing, so every write is executed by that member's view of
 * the cluster), recording when each was issued and whether it was acknowledged or
 * refused. It shows how long a member cut off from the others still accepts writes.
 */
final class WriteProbe implements AutoCloseable {

    /** The time between two writes. */
    static final Duration INTERVAL = Duration.ofMillis(50);

    /** The longest one write may stay unanswered. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final HazelcastInstance client;

    private final IMap<WeddingKey, String> map;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    private WriteProbe(HazelcastInstance client) {
        this.client = client;
        this.map = client.getMap("wedding_data");
    }

    /**
     * Connects to one member and starts writing.
     * @param clusterName the cluster
     * @param member the member's {@code host:port}
     * @return the running probe
     */
    static WriteProbe start(String clusterName, String member) {
        ClientConfig config = new ClientConfig().setClusterName(clusterName);
        config.getNetworkConfig()
            .addAddress(member)
            .getClusterRoutingConfig()
            .setRoutingMode(RoutingMode.SINGLE_MEMBER);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(20_000);
        config.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(WRITE_TIMEOUT.toSeconds()));
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new WeddingKeySerializer());
        WriteProbe probe = new WriteProbe(HazelcastClient.newHazelcastClient(config));
        probe.ticker.scheduleAtFixedRate(probe::write, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** Stops issuing writes; those in flight still complete. */
    void stop() {
        this.ticker.shutdownNow();
    }

    /**
     * Returns every write issued so far.
     * @return the attempts in issue order
     */
    List<Attempt> attempts() {
        return List.copyOf(this.attempts);
    }

    @Override
    public void close() {
        stop();
        this.client.shutdown();
    }

    private void write() {
        int n = this.attempts.size();
        WeddingKey key = new WeddingKey("w-probe-" + n, "timeline");
        String value = "probe-" + n;
        CompletableFuture<Void> done = this.map.setAsync(key, value)
            .toCompletableFuture()
            .orTimeout(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        this.attempts.add(new Attempt(key, value, System.nanoTime(), done));
    }

    /**
     * One write.
     *
     * @param key its key
     * @param value its value
     * @param issuedNanos when it was issued ({@link System#nanoTime})
     * @param done completes when the member answers
     */
    record Attempt(WeddingKey key, String value, long issuedNanos, CompletableFuture<Void> done) {

        boolean acknowledged() {
            return this.done.isDone() && !this.done.isCompletedExceptionally();
        }

        boolean refused() {
            return this.done.isCompletedExceptionally() && failure() instanceof SplitBrainProtectionException;
        }

        Throwable failure() {
            try {
                this.done.join();
                return null;
            }
            catch (CompletionException ex) {
                return ex.getCause();
            }
        }
    }

}

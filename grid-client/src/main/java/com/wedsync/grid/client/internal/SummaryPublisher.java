package com.wedsync.grid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.clients.ClientSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares what the client saw with the cluster every sample interval, on a daemon thread
 * of its own: the {@link ClientSummary} from a {@link ClientSampler}, put into the
 * replicated map {@value ClientSummary#MAP} under the client's UUID with a TTL of
 * {@value ClientSummary#FRESH_INTERVALS} intervals. No service call waits for it or fails
 * with it: a publish that fails is logged at WARN once (at DEBUG after, until one
 * succeeds) and its figures go with the next one.
 */
final class SummaryPublisher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(SummaryPublisher.class);

    private final HazelcastInstance client;

    private final ClientSampler sampler;

    private final Clock clock;

    private final Duration interval;

    private final ScheduledExecutorService scheduler;

    private boolean warned;

    private SummaryPublisher(HazelcastInstance client, ClientSampler sampler, Clock clock, Duration interval) {
        this.client = client;
        this.sampler = sampler;
        this.clock = clock;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "grid-client-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts publishing every interval.
     * @param client the connected client
     * @param sampler what to publish
     * @param clock the time of the summaries
     * @param interval the sample interval
     * @return the running publisher
     */
    static SummaryPublisher start(HazelcastInstance client, ClientSampler sampler, Clock clock, Duration interval) {
        SummaryPublisher publisher = new SummaryPublisher(client, sampler, clock, interval);
        long millis = interval.toMillis();
        publisher.scheduler.scheduleWithFixedDelay(publisher::publish, millis, millis, TimeUnit.MILLISECONDS);
        return publisher;
    }

    /** Publishes one summary; never throws, so that the next run stays scheduled. */
    void publish() {
        try {
            ClientSummary summary = this.sampler.take(this.clock.millis());
            this.client.getReplicatedMap(ClientSummary.MAP)
                .put(summary.client(), summary, this.interval.toMillis() * ClientSummary.FRESH_INTERVALS,
                        TimeUnit.MILLISECONDS);
            this.sampler.published();
            this.warned = false;
        }
        catch (RuntimeException ex) {
            if (!this.client.getLifecycleService().isRunning()) {
                return;
            }
            if (!this.warned) {
                this.warned = true;
                logger.warn(
                        "event=client_summary_not_published map={} error={} (retried every {} ms; later failures"
                                + " at DEBUG until one is published)",
                        ClientSummary.MAP, ex.toString(), this.interval.toMillis());
            }
            else {
                logger.debug("event=client_summary_not_published map={} error={}", ClientSummary.MAP, ex.toString());
            }
        }
    }

    @Override
    public void close() {
        this.scheduler.shutdownNow();
    }

}

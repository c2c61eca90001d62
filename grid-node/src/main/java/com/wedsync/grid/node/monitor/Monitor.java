package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the member every interval on one scheduler thread: keeps the sample in the
 * history, shares its summary with the other members, aggregates the cluster's figures
 * and tells the listeners (alerts, scaling). Work that must not race with a sample (a
 * membership change) runs on the same thread through {@link #execute}. A failed sample is
 * logged at WARN and the next one runs as planned.
 */
public final class Monitor implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(Monitor.class);

    private final HazelcastInstance instance;

    private final LocalSampler sampler;

    private final SampleHistory history;

    private final ClusterSamples cluster;

    private final List<SampleListener> listeners;

    private final LocalAlerts alerts;

    private final ScheduledExecutorService scheduler;

    private final Duration interval;

    private volatile ScheduledFuture<?> task;

    private volatile ClusterFigures latestCluster;

    Monitor(HazelcastInstance instance, LocalSampler sampler, SampleHistory history, ClusterSamples cluster,
            List<SampleListener> listeners, LocalAlerts alerts, ScheduledExecutorService scheduler, Duration interval) {
        this.instance = instance;
        this.sampler = sampler;
        this.history = history;
        this.cluster = cluster;
        this.listeners = List.copyOf(listeners);
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    /**
     * Takes one sample now, on the calling thread, and hands it on. Tests drive the
     * monitor through this.
     * @return the sample, or empty when the member no longer runs
     */
    public Optional<MemberSample> sampleNow() {
        if (!this.instance.getLifecycleService().isRunning()) {
            return Optional.empty();
        }
        MemberSample sample = this.sampler.sample();
        this.history.add(sample);
        this.cluster.publish(summary(sample, this.alerts.worst()));
        ClusterFigures figures = this.cluster.aggregate(sample.at());
        this.latestCluster = figures;
        for (SampleListener listener : this.listeners) {
            try {
                listener.onSample(sample, figures);
            }
            catch (RuntimeException ex) {
                logger.warn("event=sample_listener_failed listener={} member={} error={}",
                        listener.getClass().getSimpleName(), sample.member(), ex.toString());
            }
        }
        return Optional.of(sample);
    }

    /**
     * Runs work on the monitor's thread, after any sample under way.
     * @param work the work; its failure is logged at WARN
     */
    public void execute(Runnable work) {
        this.scheduler.execute(() -> safely("execute", work));
    }

    /**
     * Returns the member's history.
     * @return the ring of samples
     */
    public SampleHistory history() {
        return this.history;
    }

    /**
     * Returns the cluster figures of the latest sample.
     * @return them, or empty before the first sample
     */
    public Optional<ClusterFigures> latestCluster() {
        return Optional.ofNullable(this.latestCluster);
    }

    /**
     * Returns the cluster-wide aggregation.
     * @return the shared summaries
     */
    public ClusterSamples cluster() {
        return this.cluster;
    }

    /**
     * Returns the sample interval.
     * @return the interval
     */
    public Duration interval() {
        return this.interval;
    }

    @Override
    public void start() {
        long millis = this.interval.toMillis();
        this.task = this.scheduler.scheduleAtFixedRate(() -> safely("sample", this::sampleNow), millis, millis,
                TimeUnit.MILLISECONDS);
        logger.info("event=monitor_started interval_ms={} history_capacity={}", millis, this.history.capacity());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = this.task;
        this.task = null;
        if (running != null) {
            running.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        return this.task != null;
    }

    /** Stops before the member leaves (a higher phase stops earlier). */
    @Override
    public int getPhase() {
        return 100;
    }

    private void safely(String what, Runnable work) {
        try {
            work.run();
        }
        catch (RuntimeException ex) {
            if (this.instance.getLifecycleService().isRunning()) {
                logger.warn("event=monitor_failed while={} error={}", what, ex.toString());
            }
        }
    }

    static MemberSummary summary(MemberSample sample, Map<String, Severity> worst) {
        int n = sample.maps().size();
        String[] maps = new String[n];
        long[] gets = new long[n];
        long[] hits = new long[n];
        for (int i = 0; i < n; i++) {
            MapSample map = sample.maps().get(i);
            maps[i] = map.map();
            gets[i] = map.gets();
            hits[i] = map.hits();
        }
        String[] alerts = worst.entrySet()
            .stream()
            .map((e) -> e.getKey() + "=" + e.getValue().name())
            .toArray(String[]::new);
        return new MemberSummary(sample.member(), sample.at().toEpochMilli(), sample.opsPerSecond(),
                sample.memoryUsedShare(), maps, gets, hits, alerts);
    }

}

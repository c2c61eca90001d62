package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of what the clients saw, as the oldest member aggregated it at its latest
 * sample: per data class ({@code class} tag, and {@code class=all} for every class
 * together; never sum it with the others) the p95 and p99 read latency through L1 and L2,
 * the hit ratio of reads (L1 or L2) and the L1 share, reads and writes, errors and
 * timeouts per second; and the clients reporting. On the other members, and before the
 * first sample, the figures read {@code NaN}: unknown here, never a made-up 0.
 */
public final class ClientMetrics implements MeterBinder {

    /** The {@code class} tag of the figures over every class. */
    public static final String ALL = "all";

    private final Supplier<Optional<ClusterFigures>> latest;

    private final Catalog catalog;

    /**
     * Creates the binder.
     * @param latest the cluster figures of the latest sample
     * @param catalog the data classes
     */
    public ClientMetrics(Supplier<Optional<ClusterFigures>> latest, Catalog catalog) {
        this.latest = latest;
        this.catalog = catalog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DataClassPolicy policy : this.catalog.policies()) {
            bindClass(registry, policy.dataClass().id());
        }
        bindClass(registry, ALL);
        Gauge
            .builder("grid.client.reporting", this,
                    (m) -> m.clients().map((c) -> (double) c.clients()).orElse(Double.NaN))
            .description("Clients whose summaries the oldest member aggregated at its latest sample")
            .register(registry);
    }

    private void bindClass(MeterRegistry registry, String dataClass) {
        gauge(registry, "grid.client.latency.p95.ms", dataClass, ClientClassFigures::p95Ms,
                "95th percentile of the clients' read latency through L1 and L2 in their latest intervals, ms");
        gauge(registry, "grid.client.latency.p99.ms", dataClass, ClientClassFigures::p99Ms,
                "99th percentile of the clients' read latency through L1 and L2 in their latest intervals, ms");
        gauge(registry, "grid.client.hit.ratio", dataClass, ClientClassFigures::hitRatio,
                "Share of the clients' reads answered by a near cache or the grid (0..1)");
        gauge(registry, "grid.client.l1.hit.ratio", dataClass, ClientClassFigures::l1HitRatio,
                "Share of the clients' reads answered by their near caches (0..1)");
        gauge(registry, "grid.client.ops.per.second", dataClass, ClientClassFigures::opsPerSecond,
                "The clients' reads and writes per second");
        gauge(registry, "grid.client.errors.per.second", dataClass, ClientClassFigures::errorsPerSecond,
                "The clients' failed calls per second, timeouts not counted");
        gauge(registry, "grid.client.timeouts.per.second", dataClass, ClientClassFigures::timeoutsPerSecond,
                "The clients' calls per second that got no answer within their operation timeout");
    }

    private void gauge(MeterRegistry registry, String name, String dataClass,
            ToDoubleFunction<ClientClassFigures> reader, String description) {
        Gauge.builder(name, this, (m) -> m.figures(dataClass).map(reader::applyAsDouble).orElse(Double.NaN))
            .description(description)
            .tag("class", dataClass)
            .register(registry);
    }

    /** The clients' figures, if this member aggregated any at its latest sample. */
    private Optional<ClientFigures> clients() {
        return this.latest.get().map(ClusterFigures::clients).filter((clients) -> clients.clients() > 0);
    }

    private Optional<ClientClassFigures> figures(String dataClass) {
        return clients().map((clients) -> ALL.equals(dataClass) ? clients.all() : clients.of(dataClass));
    }

}

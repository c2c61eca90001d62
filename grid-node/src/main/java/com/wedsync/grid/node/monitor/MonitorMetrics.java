package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's gauges, read from the latest sample: per map ({@code map} tag) the mean
 * latency, hit ratio, memory against budget and operations per second of the last
 * interval, and the heap used. A figure that cannot be known (before the first sample, a
 * hit ratio without gets) reads {@code NaN}, never a made-up 0.
 */
public final class MonitorMetrics implements MeterBinder {

    private final SampleHistory history;

    private final Catalog catalog;

    /**
     * Creates the binder.
     * @param history the samples the gauges read
     * @param catalog the data classes whose maps are sampled
     */
    public MonitorMetrics(SampleHistory history, Catalog catalog) {
        this.history = history;
        this.catalog = catalog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DataClassPolicy policy : this.catalog.policies()) {
            String map = policy.mapName();
            mapGauge("grid.monitor.latency.ms", map, MapSample::latencyMs,
                    "Mean latency of gets and puts on this member in the last sample interval, in milliseconds")
                .register(registry);
            mapGauge("grid.monitor.hit.ratio", map, MapSample::hitRatio,
                    "Share of gets that found the entry in the last sample interval (0..1)")
                .register(registry);
            mapGauge("grid.monitor.memory.ratio", map, MapSample::memoryRatio,
                    "Owned and backup memory cost against the map's budget on this member; memory_alert=true where"
                            + " the map filling its budget is memory pressure (the catalog's memory-alert)")
                .tag("memory_alert", String.valueOf(policy.memoryAlert()))
                .register(registry);
            mapGauge("grid.monitor.ops.per.second", map, MapSample::opsPerSecond,
                    "Gets and puts per second on this member in the last sample interval")
                .register(registry);
        }
        Gauge
            .builder("grid.monitor.heap.used.ratio", this.history,
                    (h) -> h.latest().map(MemberSample::heapUsedRatio).orElse(Double.NaN))
            .description("Heap used against the maximum heap at the last sample (0..1)")
            .register(registry);
    }

    private Gauge.Builder<SampleHistory> mapGauge(String name, String map, ToDoubleFunction<MapSample> reader,
            String description) {
        return Gauge
            .builder(name, this.history,
                    (h) -> h.latest().map((sample) -> reader.applyAsDouble(sample.map(map))).orElse(Double.NaN))
            .description(description)
            .tag("map", map);
    }

}

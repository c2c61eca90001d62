package com.wedsync.grid.node.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code grid.weddings.active}: the declared weddings of today, and
 * {@code grid.weddings.upcoming}: those of the 7 days after today, in the monitor's time
 * zone. Every member reports the cluster's count.
 */
public final class CalendarMetrics implements MeterBinder {

    private final WeddingCount weddings;

    /**
     * Creates the binder.
     * @param weddings the counts it reads
     */
    public CalendarMetrics(WeddingCount weddings) {
        this.weddings = weddings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("grid.weddings.active", this.weddings, WeddingCount::today)
            .description("Declared weddings of today, in the monitor's time zone")
            .register(registry);
        Gauge.builder("grid.weddings.upcoming", this.weddings, WeddingCount::upcoming)
            .description("Declared weddings of the 7 days after today")
            .register(registry);
    }

}

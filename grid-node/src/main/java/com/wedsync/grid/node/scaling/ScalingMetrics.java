package com.wedsync.grid.node.scaling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code grid.scaling.desired.members}: the member count the capacity advisor asks for,
 * what an autoscaler scales on; {@code NaN} before the first evaluation.
 */
public final class ScalingMetrics implements MeterBinder {

    private final ScalingEvaluator evaluator;

    /**
     * Creates the binder.
     * @param evaluator the advice it reads
     */
    public ScalingMetrics(ScalingEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge
            .builder("grid.scaling.desired.members", this.evaluator,
                    (e) -> (e.latest() != null) ? e.latest().advice().desiredMembers() : Double.NaN)
            .description("Members the capacity advisor asks for")
            .register(registry);
    }

}

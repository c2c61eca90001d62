package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.AlertRule;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code grid.alerts.active{rule,severity}}: the alerts active on this member
 * (cluster-wide ones on the oldest member only), one gauge per rule and severity the rule
 * can raise, so the tags are a fixed set.
 */
public final class AlertMetrics implements MeterBinder {

    private final AlertRules rules;

    private final AlertEvaluator evaluator;

    /**
     * Creates the binder.
     * @param rules the rules
     * @param evaluator the alerts it reads
     */
    public AlertMetrics(AlertRules rules, AlertEvaluator evaluator) {
        this.rules = rules;
        this.evaluator = evaluator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AlertRule rule : this.rules.rules()) {
            for (Severity severity : rule.thresholds().keySet()) {
                Gauge.builder("grid.alerts.active", this.evaluator, (e) -> e.activeCount(rule.id(), severity))
                    .description("Alerts active now, by rule and severity")
                    .tag("rule", rule.id())
                    .tag("severity", severity.id())
                    .register(registry);
            }
        }
    }

}

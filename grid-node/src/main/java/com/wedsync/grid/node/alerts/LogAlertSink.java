package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code event=alert} line per change of an alert: raised and escalated alerts
 * of critical or worse at WARN, the rest at INFO; and one {@code event=scaling_change}
 * line per change of the desired member count, a notice of the info tier, at INFO.
 */
public final class LogAlertSink implements AlertSink {

    private static final Logger logger = LoggerFactory.getLogger(LogAlertSink.class);

    private final AlertRules rules;

    /**
     * Creates the sink.
     * @param rules the rules, whose units format the values
     */
    public LogAlertSink(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public void alert(AlertEvent event) {
        Alert alert = event.alert();
        var rule = this.rules.rule(alert.rule());
        String line = "event=alert transition={} rule={} severity={} member={} data_class={} value={} threshold={}"
                + " id={} start={} end={}";
        Object[] fields = { event.kind().name().toLowerCase(java.util.Locale.ROOT), alert.rule(), alert.severity().id(),
                alert.member(), alert.dataClass().orElse("-"), rule.format(rounded(alert.value())),
                rule.format(alert.threshold()), alert.id(), alert.start(), (alert.end() != null) ? alert.end() : "-" };
        boolean worsening = event.kind() == AlertEvent.Kind.RAISED || event.kind() == AlertEvent.Kind.ESCALATED;
        if (worsening && alert.severity().compareTo(Severity.CRITICAL) >= 0) {
            logger.warn(line, fields);
        }
        else {
            logger.info(line, fields);
        }
    }

    @Override
    public void scaling(ScalingChange change) {
        logger.info("event=scaling_change severity={} previous={} desired={} current={} reasons=\"{}\"",
                change.severity().id(), change.previous(), change.desired(), change.current(),
                String.join("; ", change.reasons()));
    }

    @Override
    public String name() {
        return "log";
    }

    /**
     * Three decimals are plenty for a log line (0.597ms, 28.201%); the webhook gets the
     * exact value.
     */
    private static double rounded(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

}

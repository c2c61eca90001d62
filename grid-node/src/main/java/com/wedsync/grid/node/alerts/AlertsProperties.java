package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alerting settings ({@code grid.alerts.*}). The rules and their overrides are part
 * of the environment contract instead ({@code GRID_ALERT_OVERRIDES}), as is the webhook's
 * URL ({@code GRID_ALERT_WEBHOOK}).
 *
 * @param history how many alert changes {@code /actuator/alerts} keeps
 * @param saturdayBaselineOpsPerSecond the cluster's ops/s on an ordinary day, against
 * which Saturday traffic is judged ({@code saturday_ops}); 0 (the default) learns the
 * baseline from the kept hourly load ({@link SaturdayBaseline})
 * @param minOperations the fewest reads the clients made in their latest intervals (of
 * every class for latency, of the class for hit rates) for the latency and hit-rate rules
 * to judge them; fewer leave the sample out
 * @param webhook how the webhook sink sends
 */
@ConfigurationProperties("grid.alerts")
public record AlertsProperties(@DefaultValue("200") int history, @DefaultValue("0") double saturdayBaselineOpsPerSecond,
        @DefaultValue("100") long minOperations, @DefaultValue Webhook webhook) {

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the property and the value when one is out
     * of range
     */
    public AlertsProperties {
        if (history < 1 || history > 10_000) {
            throw new IllegalArgumentException("grid.alerts.history (" + history + ") must be between 1 and 10000");
        }
        if (!(saturdayBaselineOpsPerSecond >= 0 && Double.isFinite(saturdayBaselineOpsPerSecond))) {
            throw new IllegalArgumentException("grid.alerts.saturday-baseline-ops-per-second ("
                    + saturdayBaselineOpsPerSecond + ") must be a number of at least 0");
        }
        if (minOperations < 0) {
            throw new IllegalArgumentException(
                    "grid.alerts.min-operations (" + minOperations + ") must not be negative");
        }
    }

    /**
     * The webhook sink's settings ({@code grid.alerts.webhook.*}).
     *
     * @param queueCapacity notifications that may wait; more are dropped and counted
     * @param connectTimeout the longest a connection may take
     * @param requestTimeout the longest one request may take
     * @param maxAttempts attempts per notification, the first included
     * @param initialBackoff the wait after the first failed attempt, doubling after each
     * further one
     * @param maxBackoff the longest wait between attempts
     * @param minSeverity the mildest severity sent ({@code info}: everything, notices of
     * scaling changes included; {@code warning}: alerts only)
     */
    public record Webhook(@DefaultValue("1000") int queueCapacity, @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout, @DefaultValue("8") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("info") Severity minSeverity) {

        /**
         * Returns the settings as the sink's policy.
         * @return the policy
         * @throws IllegalArgumentException naming the field and the value when one is out
         * of range
         */
        public WebhookPolicy policy() {
            return new WebhookPolicy(this.queueCapacity, this.connectTimeout, this.requestTimeout, this.maxAttempts,
                    this.initialBackoff, this.maxBackoff, this.minSeverity);
        }
    }
}

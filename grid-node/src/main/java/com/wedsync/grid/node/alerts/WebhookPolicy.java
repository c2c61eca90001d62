package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook sink sends: timeouts, retries and the bound of its queue.
 *
 * @param queueCapacity notifications that may wait; more are dropped (and counted)
 * @param connectTimeout the longest a connection may take
 * @param requestTimeout the longest one request may take, answer included
 * @param maxAttempts attempts per notification, the first included
 * @param initialBackoff the wait after the first failed attempt; it doubles after each
 * further one
 * @param maxBackoff the longest wait between attempts
 * @param minSeverity the mildest severity sent: {@code info} sends every alert change and
 * notice, {@code warning} leaves the notices (scaling changes) out
 */
public record WebhookPolicy(int queueCapacity, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Severity minSeverity) {

    /**
     * Validates the policy.
     * @throws IllegalArgumentException naming the field and the value when one is out of
     * range
     */
    public WebhookPolicy {
        if (queueCapacity < 1 || queueCapacity > 100_000) {
            throw new IllegalArgumentException("queueCapacity (" + queueCapacity + ") must be between 1 and 100000");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts (" + maxAttempts + ") must be between 1 and 100");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        Objects.requireNonNull(minSeverity, "minSeverity is missing");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be below initialBackoff (" + initialBackoff + ")");
        }
    }

    /**
     * Tells whether a notification of a severity is sent.
     * @param severity its severity
     * @return {@code true} unless it is milder than {@link #minSeverity()}
     */
    public boolean sends(Severity severity) {
        return severity.compareTo(this.minSeverity) >= 0;
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, () -> field + " is missing");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " (" + value + ") must be positive");
        }
    }
}

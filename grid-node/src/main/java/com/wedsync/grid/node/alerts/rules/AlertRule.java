package com.wedsync.grid.node.alerts.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One alert rule, as data: which metric it watches, on which side of which thresholds
 * each severity begins, and how many samples in a row raise and clear it.
 *
 * @param id the rule's name, for example {@code latency}; part of the operations contract
 * (metric tags, overrides)
 * @param metric the name of the figure the monitor samples for it, for example
 * {@code latency_ms}
 * @param comparison whether values above or below the thresholds breach the rule
 * @param unit the unit of the metric and the thresholds
 * @param thresholds the threshold of each severity the rule raises; at least one
 * @param raiseAfter how many breaching samples in a row raise the alert
 * @param clearAfter how many clean samples in a row clear it
 */
public record AlertRule(String id, String metric, Comparison comparison, Unit unit, Map<Severity, Double> thresholds,
        int raiseAfter, int clearAfter) {

    /** The most samples in a row a rule may wait for. */
    public static final int MAX_SAMPLES = 1000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Validates the rule: names, thresholds finite and in the order of their severities,
     * sample counts in range.
     * @throws IllegalArgumentException naming the field and the value at fault
     */
    public AlertRule {
        Objects.requireNonNull(id, "id is missing");
        requireName("id", id);
        Objects.requireNonNull(metric, () -> id + ".metric is missing");
        requireName(id + ".metric", metric);
        Objects.requireNonNull(comparison, () -> id + ".comparison is missing");
        Objects.requireNonNull(unit, () -> id + ".unit is missing");
        thresholds = checkedThresholds(id, comparison, unit, thresholds);
        requireSamples(id + ".raise-after", raiseAfter);
        requireSamples(id + ".clear-after", clearAfter);
    }

    /**
     * Returns the most severe severity a value breaches.
     * @param value the sampled value
     * @return the severity, or empty if the value breaches no threshold
     */
    public Optional<Severity> breached(double value) {
        Severity worst = null;
        for (Map.Entry<Severity, Double> threshold : this.thresholds.entrySet()) {
            if (this.comparison.breaches(value, threshold.getValue())) {
                worst = threshold.getKey();
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * Returns the threshold of a severity.
     * @param severity the severity
     * @return its threshold
     * @throws IllegalArgumentException if the rule does not raise that severity
     */
    public double threshold(Severity severity) {
        Double threshold = this.thresholds.get(severity);
        if (threshold == null) {
            throw new IllegalArgumentException(
                    this.id + " raises no " + severity.id() + " alert (it raises " + this.thresholds.keySet() + ")");
        }
        return threshold;
    }

    /**
     * Writes a value of this rule's metric with its unit, for messages and logs.
     * @param value the value
     * @return for example {@code 1.5ms} or {@code 95%}
     */
    public String format(double value) {
        return format(value, this.unit);
    }

    static String format(double value, Unit unit) {
        String number = Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
        return number + unit.symbol();
    }

    private static Map<Severity, Double> checkedThresholds(String id, Comparison comparison, Unit unit,
            Map<Severity, Double> thresholds) {
        Objects.requireNonNull(thresholds, () -> id + " thresholds are missing");
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException(
                    id + " has no threshold; give at least one of warning, critical" + " or emergency");
        }
        EnumMap<Severity, Double> copy = new EnumMap<>(thresholds);
        Map.Entry<Severity, Double> previous = null;
        for (Map.Entry<Severity, Double> threshold : copy.entrySet()) {
            String field = id + "." + threshold.getKey().id();
            if (threshold.getValue() == null || !Double.isFinite(threshold.getValue())) {
                throw new IllegalArgumentException(field + " (" + threshold.getValue() + ") must be a finite number");
            }
            if (previous != null && !comparison.breaches(threshold.getValue(), previous.getValue())) {
                throw new IllegalArgumentException(field + " (" + format(threshold.getValue(), unit) + ") must be "
                        + comparison.name().toLowerCase(Locale.ROOT) + " " + id + "." + previous.getKey().id() + " ("
                        + format(previous.getValue(), unit) + "): a worse severity needs a worse value");
            }
            previous = threshold;
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireName(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " ('" + value + "') must be lower case letters, digits and '_',"
                    + " starting with a letter");
        }
    }

    private static void requireSamples(String field, int samples) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException(
                    field + " (" + samples + ") must be between 1 and " + MAX_SAMPLES + " samples");
        }
    }
}

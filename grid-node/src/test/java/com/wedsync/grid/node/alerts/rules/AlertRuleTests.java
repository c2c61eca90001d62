package com.wedsync.grid.node.alerts.rules;

import static com.wedsync.grid.node.alerts.rules.Severity.CRITICAL;
import static com.wedsync.grid.node.alerts.rules.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleTests {

    @Test
    void aThresholdThatIsNotAFiniteNumberIsRejectedNamingIt() {
        Map<Severity, Double> thresholds = new HashMap<>();
        thresholds.put(WARNING, Double.NaN);

        assertThatIllegalArgumentException().isThrownBy(() -> rule(thresholds))
            .withMessage("latency.warning (NaN) must be a finite number");
        thresholds.put(WARNING, null);
        assertThatIllegalArgumentException().isThrownBy(() -> rule(thresholds))
            .withMessage("latency.warning (null) must be a finite number");
    }

    @Test
    void thresholdsGivenOutOfOrderAreSortedBySeverityBeforeTheyAreChecked() {
        Map<Severity, Double> thresholds = new HashMap<>();
        thresholds.put(CRITICAL, 1.0);
        thresholds.put(WARNING, 0.5);

        assertThat(rule(thresholds).thresholds().keySet()).containsExactly(WARNING, CRITICAL);
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatNullPointerException()
            .isThrownBy(() -> new AlertRule(null, "m", Comparison.ABOVE, Unit.COUNT, Map.of(WARNING, 0.0), 1, 1))
            .withMessage("id is missing");
        assertThatNullPointerException()
            .isThrownBy(() -> new AlertRule("x", "m", null, Unit.COUNT, Map.of(WARNING, 0.0), 1, 1))
            .withMessage("x.comparison is missing");
        assertThatNullPointerException()
            .isThrownBy(() -> new AlertRule("x", "m", Comparison.ABOVE, Unit.COUNT, null, 1, 1))
            .withMessage("x thresholds are missing");
    }

    @Test
    void anAlertThatEndsBeforeItStartsIsRejected() {
        Instant start = Instant.parse("2026-06-20T14:00:00Z");

        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Alert("a", "latency", WARNING, "m", 1, 0.5, start, start.minusSeconds(1)))
            .withMessage("end (2026-06-20T13:59:59Z) must not be before start (2026-06-20T14:00:00Z)");
        assertThatNullPointerException().isThrownBy(() -> new Alert("a", "latency", WARNING, null, 1, 0.5, start, null))
            .withMessage("member is missing");
    }

    private static AlertRule rule(Map<Severity, Double> thresholds) {
        return new AlertRule("latency", "latency_ms", Comparison.ABOVE, Unit.MILLISECONDS, thresholds, 3, 3);
    }

}

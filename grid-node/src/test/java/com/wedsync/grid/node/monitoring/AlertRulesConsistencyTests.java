package com.wedsync.grid.node.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.alerts.rules.AlertRule;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.AlertRulesLoader;
import com.wedsync.grid.node.alerts.rules.Comparison;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.node.alerts.rules.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alerts mirror the node's rules ({@code wedsync/alerts.yml}): one alert per rule id and severity,
 * labelled with both, at the same threshold on the same side, with the same hysteresis at the monitor's sample
 * interval: N samples in a row span (N - 1) intervals, hence {@code for} and {@code keep_firing_for}.
 */
class AlertRulesConsistencyTests {

    /** The monitor's default sample interval. */
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    /** Prometheus alerts that watch the node itself rather than mirror one of its rules. */
    private static final Set<String> NOT_IN_THE_CATALOG = Set.of("alert_delivery", "quorum_lost");

    /** The one comparison of an expression with a number, e.g. {@code > 0.5} or {@code < 0.80 * baseline}. */
    private static final Pattern THRESHOLD = Pattern.compile("(?<![<>=!])([<>])(?!=)\\s*(\\d+(?:\\.\\d+)?)");

    private static final AlertRules CATALOG = AlertRulesLoader.loadDefault(Map.of());

    private static final List<Map<String, Object>> ALERTS = MonitoringFiles.alertingRules();

    @Test
    void everyRuleAndSeverityOfTheCatalogHasExactlyOnePrometheusAlert() {
        List<String> expected = new ArrayList<>();
        for (AlertRule rule : CATALOG.rules()) {
            rule.thresholds().keySet().forEach((severity) -> expected.add(rule.id() + "/" + severity.id()));
        }
        List<String> actual = ALERTS.stream()
            .filter((alert) -> !NOT_IN_THE_CATALOG.contains(labels(alert).get("rule")))
            .map((alert) -> labels(alert).get("rule") + "/" + labels(alert).get("severity"))
            .toList();

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void thresholdsAreTheCatalogsOnTheSameSide() {
        for (Map<String, Object> alert : catalogAlerts()) {
            AlertRule rule = CATALOG.rule(labels(alert).get("rule"));
            Severity severity = Severity.valueOf(labels(alert).get("severity").toUpperCase(Locale.ROOT));
            String expr = (String) alert.get("expr");
            Matcher matcher = THRESHOLD.matcher(expr);
            assertThat(matcher.find()).as("a comparison with a number in %s", expr).isTrue();
            String operator = matcher.group(1);
            double threshold = Double.parseDouble(matcher.group(2));
            assertThat(matcher.find()).as("only one comparison with a number in %s", expr).isFalse();

            assertThat(operator).as(describe(alert)).isEqualTo((rule.comparison() == Comparison.ABOVE) ? ">" : "<");
            double scale = (rule.unit() == Unit.PERCENT) ? 100 : 1;
            assertThat(threshold * scale).as(describe(alert)).isCloseTo(rule.threshold(severity),
                    Offset.offset(1e-9));
        }
    }

    @Test
    void hysteresisIsTheCatalogsAtTheSampleInterval() {
        for (Map<String, Object> alert : catalogAlerts()) {
            AlertRule rule = CATALOG.rule(labels(alert).get("rule"));

            assertThat(duration(alert.get("for"))).as("for of " + describe(alert))
                .isEqualTo(SAMPLE_INTERVAL.multipliedBy(rule.raiseAfter() - 1));
            assertThat(duration(alert.get("keep_firing_for"))).as("keep_firing_for of " + describe(alert))
                .isEqualTo(SAMPLE_INTERVAL.multipliedBy(rule.clearAfter() - 1));
        }
    }

    @Test
    void alertsOfOneRuleShareOneNameAndEveryAlertSaysWhatIsWrong() {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> alert : ALERTS) {
            names.add(labels(alert).get("rule") + "=" + alert.get("alert"));
            assertThat(Severity.valueOf(labels(alert).get("severity").toUpperCase(Locale.ROOT))).isNotNull();
            assertThat(((Map<String, ?>) alert.get("annotations")).keySet()).as(describe(alert)).contains("summary", "description");
        }
        assertThat(names.stream().map((name) -> name.substring(0, name.indexOf('='))).distinct()).hasSize(names.size());
    }

    private static List<Map<String, Object>> catalogAlerts() {
        return ALERTS.stream().filter((alert) -> !NOT_IN_THE_CATALOG.contains(labels(alert).get("rule"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> alert) {
        return (Map<String, String>) alert.get("labels");
    }

    private static String describe(Map<String, Object> alert) {
        return alert.get("alert") + " " + labels(alert);
    }

    /** Reads a Prometheus duration as the rules use them: absent (zero), or whole seconds or minutes. */
    private static Duration duration(Object value) {
        if (value == null) {
            return Duration.ZERO;
        }
        Matcher matcher = Pattern.compile("(\\d+)([sm])").matcher((String) value);
        assertThat(matcher.matches()).as("a duration in s or m: " + value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
    }
}

package com.wedsync.grid.node.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus rules as Prometheus reads them: {@code promtool check rules} accepts
 * them, {@code promtool check
 * config} the example configuration that loads them, and {@code promtool test rules}
 * passes their unit tests; and those unit tests show every alert at each of its
 * severities firing, and not firing.
 */
class PrometheusRulesTests {

    @TempDir
    Path directory;

    @Test
    void promtoolAcceptsTheRules() {
        Promtool promtool = Promtool.require();
        MonitoringFiles.copy(this.directory, List.of(MonitoringFiles.RULES));

        Promtool.Result result = promtool.run(this.directory, "check", "rules", "grid-alerts.yml");

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsTheExampleConfigWithItsRules() throws Exception {
        Promtool promtool = Promtool.require();
        MonitoringFiles.copy(this.directory, List.of(MonitoringFiles.RULES, MonitoringFiles.EXAMPLE_CONFIG));
        Files.writeString(this.directory.resolve("grid-admin-token"), "example-token");

        Promtool.Result result = promtool.run(this.directory, "check", "config", "prometheus.yml");

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void everyAlertFiresAndResolvesAsItsUnitTestsExpect() {
        Promtool promtool = Promtool.require();
        List<String> files = new ArrayList<>(MonitoringFiles.RULE_TESTS);
        files.add(MonitoringFiles.RULES);
        MonitoringFiles.copy(this.directory, files);

        List<String> arguments = new ArrayList<>(List.of("test", "rules"));
        MonitoringFiles.RULE_TESTS.forEach((test) -> arguments.add(Path.of(test).getFileName().toString()));
        Promtool.Result result = promtool.run(this.directory, arguments.toArray(String[]::new));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void unitTestsShowEveryAlertFiringAtEachSeverityAndNotFiring() {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (Map<String, Object> check : alertChecks()) {
            String alert = (String) check.get("alertname");
            List<Map<String, Object>> expected = list(check.get("exp_alerts"));
            if (expected.isEmpty()) {
                silent.add(alert);
            }
            expected.forEach((exp) -> firing.add(alert + "/" + map(exp.get("exp_labels")).get("severity")));
        }

        for (Map<String, Object> rule : MonitoringFiles.alertingRules()) {
            String alert = (String) rule.get("alert");
            assertThat(firing).as("alerts seen firing").contains(alert + "/" + map(rule.get("labels")).get("severity"));
            assertThat(silent).as("alerts seen not firing").contains(alert);
        }
    }

    private static List<Map<String, Object>> alertChecks() {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String file : MonitoringFiles.RULE_TESTS) {
            for (Map<String, Object> test : list(MonitoringFiles.yaml(file).get("tests"))) {
                checks.addAll(list(test.get("alert_rule_test")));
            }
        }
        return checks;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (value != null) ? (List<Map<String, Object>>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

}

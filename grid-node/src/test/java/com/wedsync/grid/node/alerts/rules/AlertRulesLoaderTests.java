package com.wedsync.grid.node.alerts.rules;

import static com.wedsync.grid.node.alerts.rules.Severity.CRITICAL;
import static com.wedsync.grid.node.alerts.rules.Severity.EMERGENCY;
import static com.wedsync.grid.node.alerts.rules.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.config.catalog.CatalogException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRulesLoaderTests {

    private static final AlertRules SHIPPED = AlertRulesLoader.loadDefault(Map.of());

    @Test
    void shippedRulesAreTheSpecsThresholds() {
        assertThat(SHIPPED.ids()).containsExactly("latency", "hit_rate", "memory", "saturday_ops", "vendor_hit_rate",
                "wedding_retention", "partition_lost", "member_left");
        assertThat(SHIPPED.rule(AlertRules.LATENCY)).isEqualTo(new AlertRule("latency", "client_latency_p95_ms",
                Comparison.ABOVE, Unit.MILLISECONDS, Map.of(WARNING, 0.5, CRITICAL, 1.0, EMERGENCY, 2.0), 3, 6));
        assertThat(SHIPPED.rule(AlertRules.HIT_RATE).thresholds())
            .isEqualTo(Map.of(WARNING, 95.0, CRITICAL, 90.0, EMERGENCY, 85.0));
        assertThat(SHIPPED.rule(AlertRules.MEMORY).thresholds())
            .isEqualTo(Map.of(WARNING, 70.0, CRITICAL, 85.0, EMERGENCY, 95.0));
        assertThat(SHIPPED.rule(AlertRules.SATURDAY_OPS).thresholds()).isEqualTo(Map.of(CRITICAL, 80.0));
        assertThat(SHIPPED.rule(AlertRules.VENDOR_HIT_RATE).thresholds()).isEqualTo(Map.of(WARNING, 98.0));
        assertThat(SHIPPED.rule(AlertRules.WEDDING_RETENTION).thresholds()).isEqualTo(Map.of(EMERGENCY, 95.0));
        assertThat(SHIPPED.rule(AlertRules.PARTITION_LOST).thresholds()).isEqualTo(Map.of(EMERGENCY, 0.0));
        assertThat(SHIPPED.rule(AlertRules.MEMBER_LEFT).thresholds()).isEqualTo(Map.of(WARNING, 0.0));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            latency           | 0.5  |
            latency           | 0.51 | WARNING
            latency           | 1.0  | WARNING
            latency           | 1.01 | CRITICAL
            latency           | 2.5  | EMERGENCY
            hit_rate          | 95   |
            hit_rate          | 94.9 | WARNING
            hit_rate          | 84.9 | EMERGENCY
            memory            | 86   | CRITICAL
            saturday_ops      | 79   | CRITICAL
            saturday_ops      | 80   |
            vendor_hit_rate   | 97.5 | WARNING
            wedding_retention | 94   | EMERGENCY
            partition_lost    | 0    |
            partition_lost    | 1    | EMERGENCY
            member_left       | 2    | WARNING
            """)
    void aValueBreachesTheMostSevereThresholdItIsBeyond(String rule, double value, Severity severity) {
        assertThat(SHIPPED.rule(rule).breached(value)).isEqualTo(Optional.ofNullable(severity));
    }

    @Test
    void overridesReplaceThresholdsAndSampleCountsWithOrWithoutThePrefix() {
        AlertRules rules = AlertRulesLoader.loadDefault(Map.of("alerts.latency.critical", "1.5ms", "memory.raise-after",
                "2", "alerts.hit_rate.warning", "96", "alerts.member_left.clear-after", "24"));

        assertThat(rules.rule("latency").threshold(CRITICAL)).isEqualTo(1.5);
        assertThat(rules.rule("memory").raiseAfter()).isEqualTo(2);
        assertThat(rules.rule("hit_rate").threshold(WARNING)).isEqualTo(96);
        assertThat(rules.rule("member_left").clearAfter()).isEqualTo(24);
    }

    @Test
    void anOverrideMayGiveARuleASeverityItLacks() {
        AlertRules rules = AlertRulesLoader.loadDefault(Map.of("alerts.saturday_ops.warning", "90%"));

        assertThat(rules.rule("saturday_ops").thresholds()).isEqualTo(Map.of(WARNING, 90.0, CRITICAL, 80.0));
    }

    @Test
    void aRuleMayRaiseANoticeOfTheInfoTierBelowItsWarning() {
        AlertRules rules = AlertRulesLoader.loadDefault(Map.of("alerts.latency.info", "0.3ms"));
        AlertRule latency = rules.rule("latency");

        assertThat(latency.thresholds()).containsEntry(Severity.INFO, 0.3).containsEntry(WARNING, 0.5);
        assertThat(latency.breached(0.4)).contains(Severity.INFO);
        assertThat(latency.breached(0.6)).contains(WARNING);
        assertThat(latency.breached(0.2)).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    alerts.latency.critical    | 1.5s  | alerts: latency.critical ('1.5s') must be a number of ms, for example 1.5ms
                    alerts.latency.critical    | fast  | alerts: latency.critical ('fast') must be a number of ms, for example 1.5ms
                    alerts.hit_rate.warning    | 0.95ms | alerts: hit_rate.warning ('0.95ms') must be a number of %, for example 95%
                    alerts.member_left.warning | one   | alerts: member_left.warning ('one') must be a number, for example 0
                    alerts.latency.critical    | 3ms   | alerts: latency.emergency (2ms) must be above latency.critical (3ms): a worse severity needs a worse value
                    alerts.hit_rate.critical   | 96%   | alerts: hit_rate.critical (96%) must be below hit_rate.warning (95%): a worse severity needs a worse value
                    alerts.memory.warning      | 85%   | alerts: memory.critical (85%) must be above memory.warning (85%): a worse severity needs a worse value
                    alerts.latency.raise-after | 0     | alerts: latency.raise-after (0) must be between 1 and 1000 samples
                    alerts.latency.clear-after | 1001  | alerts: latency.clear-after (1001) must be between 1 and 1000 samples
                    alerts.latency.raise-after | often | alerts: latency.raise-after ('often') is not a whole number
                    alerts.latency.comparison  | over  | alerts: latency.comparison ('over') is not one of [above, below]
                    alerts.latency.unit        | s     | alerts: latency.unit ('s') is not one of [ms, %, count]
                    alerts.latency.metric      | Latency | alerts: latency.metric ('Latency') must be lower case letters, digits and '_', starting with a letter
                    alerts.latncy.critical     | 1ms   | alerts: override 'alerts.latncy.critical=1ms' names no rule (rules: [hit_rate, latency, member_left, memory, partition_lost, saturday_ops, vendor_hit_rate, wedding_retention])
                    alerts.latency             | 1ms   | alerts: override 'alerts.latency=1ms' names no rule (rules: [hit_rate, latency, member_left, memory, partition_lost, saturday_ops, vendor_hit_rate, wedding_retention])
                    alerts.latency.colour      | blue  | alerts: override 'alerts.latency.colour=blue' names no field of a rule (fields: metric, comparison, unit, info, warning, critical, emergency, raise-after, clear-after)
                    """)
    void aBadOverrideIsRejectedNamingFieldAndValue(String key, String value, String message) {
        assertThatThrownBy(() -> AlertRulesLoader.loadDefault(Map.of(key, value))).isInstanceOf(CatalogException.class)
            .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    'rules:\\n  slow:\\n    metric: latency_ms\\n    comparison: above\\n    unit: ms\\n    warning: 1ms\\n    raise-after: 1\\n    clear-after: 1\\n    owner: ops' | alerts: unknown field slow.owner (known here: metric, comparison, unit, info, warning, critical, emergency, raise-after, clear-after)
                    'rules:\\n  slow:\\n    comparison: above\\n    unit: ms\\n    warning: 1ms\\n    raise-after: 1\\n    clear-after: 1' | alerts: slow.metric is missing
                    'rules:\\n  slow:\\n    metric: latency_ms\\n    comparison: above\\n    unit: ms\\n    raise-after: 1\\n    clear-after: 1' | alerts: slow has no threshold; give at least one of warning, critical or emergency
                    'rules:\\n  Slow:\\n    metric: latency_ms\\n    comparison: above\\n    unit: ms\\n    warning: 1ms\\n    raise-after: 1\\n    clear-after: 1' | alerts: id ('Slow') must be lower case letters, digits and '_', starting with a letter
                    'rules:\\n  slow:\\n    metric: latency_ms\\n    comparison: above\\n    unit: ms\\n    warning: 1ms\\n    clear-after: 1' | alerts: slow.raise-after is missing
                    'rules:\\n  slow: 5' | alerts: rules.slow must be a mapping of fields, not '5'
                    'rules: 5' | alerts: the document must be one mapping 'rules' of rule id to fields
                    'rules: {}\\nowner: ops' | alerts: the document must be one mapping 'rules' of rule id to fields
                    '- latency' | alerts: the document must be one mapping 'rules' of rule id to fields
                    'rules: [' | alerts: not valid YAML: while parsing a flow node
                    """)
    void aBadDocumentIsRejectedNamingTheField(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.replace("\\n", "\n"))).isInstanceOf(CatalogException.class)
            .hasMessage(message);
    }

    @Test
    void aRuleIdGivenTwiceIsRejected() {
        AlertRule rule = SHIPPED.rule("latency");

        assertThatIllegalArgumentException().isThrownBy(() -> new AlertRules(List.of(rule, rule)))
            .withMessage("rule id 'latency' is given twice");
    }

    @Test
    void anUnknownRuleIsRejectedWithTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED.rule("disk"))
            .withMessage("no alert rule 'disk' (known: latency, hit_rate, memory, saturday_ops, vendor_hit_rate,"
                    + " wedding_retention, partition_lost, member_left)");
    }

    @Test
    void aSeverityARuleDoesNotRaiseHasNoThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED.rule("saturday_ops").threshold(WARNING))
            .withMessage("saturday_ops raises no warning alert (it raises [CRITICAL])");
    }

    @Test
    void valuesAreWrittenWithTheRulesUnit() {
        assertThat(SHIPPED.rule("latency").format(1.50)).isEqualTo("1.5ms");
        assertThat(SHIPPED.rule("hit_rate").format(95)).isEqualTo("95%");
        assertThat(SHIPPED.rule("partition_lost").format(2)).isEqualTo("2");
    }

    @Test
    void theRulesAreImmutable() {
        assertThatThrownBy(() -> SHIPPED.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SHIPPED.rule("latency").thresholds().clear())
            .isInstanceOf(UnsupportedOperationException.class);
    }

    private static AlertRules load(String yaml) {
        return AlertRulesLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

}

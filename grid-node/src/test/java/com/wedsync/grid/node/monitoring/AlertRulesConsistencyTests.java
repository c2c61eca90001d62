package com.wedsync.grid.node.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.hazelcast.MemoryBudget;
import com.wedsync.grid.node.alerts.AlertsProperties;
import com.wedsync.grid.node.alerts.MemberRuleProbe;
import com.wedsync.grid.node.alerts.rules.AlertRule;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.AlertRulesLoader;
import com.wedsync.grid.node.alerts.rules.Comparison;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.node.alerts.rules.Unit;
import com.wedsync.grid.node.monitor.MapSample;
import com.wedsync.grid.node.monitor.MemberSample;
import com.wedsync.grid.node.monitor.MonitorMetrics;
import com.wedsync.grid.node.monitor.SampleHistory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prometheus alerts mirror the node's rules ({@code wedsync/alerts.yml}): one alert
 * per rule id and severity, labelled with both, measuring the figure the node's rule
 * samples, at the same threshold on the same side, with the same hysteresis at the
 * monitor's sample interval: N samples in a row span (N - 1) intervals, hence {@code for}
 * and {@code keep_firing_for}.
 */
class AlertRulesConsistencyTests {

    /** The monitor's default sample interval. */
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    /**
     * Prometheus alerts that watch the node itself rather than mirror one of its rules.
     */
    private static final Set<String> NOT_IN_THE_CATALOG = Set.of("alert_delivery", "quorum_lost");

    /**
     * The one comparison of an expression with a number, e.g. {@code > 0.5} or
     * {@code < 0.80 * baseline}.
     */
    private static final Pattern THRESHOLD = Pattern.compile("(?<![<>=!])([<>])(?!=)\\s*(\\d+(?:\\.\\d+)?)");

    /**
     * What each figure the node's rules sample ({@code metric} in alerts.yml) is in
     * PromQL: the expression left of an alert's threshold. A new metric, or an alert that
     * measures something else, fails
     * {@link #everyAlertMeasuresTheFigureItsNodeRuleSamples}.
     */
    private static final Map<String, String> MEASURED_AS = Map.of(
            // What the clients saw, from their own meters: the p95 of their reads through
            // L1 and L2, their hit ratio of reads per class (region), their reads and
            // writes per second.
            "client_latency_p95_ms", "cluster:grid_client_read_latency_ms:p95", "client_hit_rate_percent",
            "region:grid_client_hit_ratio:rate1m", "client_vendor_responses_hit_rate_percent",
            "region:grid_client_hit_ratio:rate1m{region=\"vendor_responses\"}", "saturday_ops_baseline_percent",
            "cluster:grid_client_ops:rate1m",
            // The member's fullest map among those whose filling is memory pressure,
            // against that map's own budget: MemberSample.memoryUsedShare(), checked
            // against the node's own figure by
            // theMemoryAlertComputesFromTheMembersGaugesTheFigureTheNodeJudges.
            "memory_used_percent", "max by (job, instance) (grid_monitor_memory_ratio{memory_alert=\"true\"})",
            "wedding_data_retention_percent", "job:grid_wedding_data_retention:ratio1h", "partitions_lost",
            "sum by (job) (increase(grid_map_partitions_lost_total[5m]))", "members_left",
            "max by (job) (max_over_time(grid_cluster_members[10m])) - max by (job) (grid_cluster_members)");

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
    void everyAlertMeasuresTheFigureItsNodeRuleSamples() {
        for (Map<String, Object> alert : catalogAlerts()) {
            AlertRule rule = CATALOG.rule(labels(alert).get("rule"));
            assertThat(MEASURED_AS).as("the PromQL of the node's metric %s", rule.metric()).containsKey(rule.metric());

            assertThat(measured((String) alert.get("expr"))).as(describe(alert))
                .isEqualTo(MEASURED_AS.get(rule.metric()));
        }
    }

    /**
     * Two members' samples, with their fullest maps at 87.5 % and 93.75 % of their
     * budgets while all their maps together hold about half the memory limit: promtool
     * evaluates the memory alert's expression over the gauges the members export for
     * those samples, and must find for each member the figure its own memory rule judges.
     */
    @Test
    void theMemoryAlertComputesFromTheMembersGaugesTheFigureTheNodeJudges(@TempDir Path directory) throws IOException {
        Catalog catalog = CatalogLoader.loadDefault();
        MemoryBudget budget = MemoryBudget.of(catalog, 1L << 30);
        Map<String, MemberSample> members = Map.of("a:8080",
                filled(catalog, budget, "a:8080", new double[] { 0.75, 0.5, 0.25, 0.125, 0.875 }), "b:8080",
                filled(catalog, budget, "b:8080", new double[] { 0.9375, 0.25, 0.5, 0.75, 0.125 }));

        assertPrometheusFindsTheNodesFigure(directory, AlertRules.MEMORY, 100, members, "grid.monitor.memory.ratio");
    }

    /**
     * The node judges the clients' latency and hit rates only over intervals with at
     * least {@code grid.alerts.min-operations} reads; Prometheus sees rates, so its
     * recording rules need the default divided by the sample interval.
     */
    @Test
    void theClientMeasuresIgnoreIntervalsTheNodeDoesNotJudge() throws NoSuchMethodException {
        long perSecond = defaultMinOperations() / SAMPLE_INTERVAL.toSeconds();

        assertThat(recorded("cluster:grid_client_read_latency_ms:p95"))
            .contains("and (cluster:grid_client_reads:rate1m >= " + perSecond + ")");
        assertThat(recorded("region:grid_client_hit_ratio:rate1m"))
            .contains("/ (region:grid_client_reads:rate1m >= " + perSecond + ")");
    }

    /**
     * A client times one L1 hit in {@link ClientLatency#L1_TIMED_ONE_IN} and its shared
     * histogram counts each that often: the Prometheus p95 weighs the L1 buckets alike,
     * and only the L1 and L2 layers make it.
     */
    @Test
    void theLatencyMeasureWeighsTimedL1HitsAsTheClientsDo() {
        assertThat(recorded("cluster:grid_client_read_latency_ms:p95")).startsWith("1000 * histogram_quantile(0.95,")
            .contains(ClientLatency.L1_TIMED_ONE_IN + " * rate(grid_region_latency_seconds_bucket{layer=\"l1\"}[1m])",
                    " or rate(grid_region_latency_seconds_bucket{layer=\"l2\"}[1m])");
    }

    private static long defaultMinOperations() throws NoSuchMethodException {
        RecordComponent[] components = AlertsProperties.class.getRecordComponents();
        Parameter[] parameters = AlertsProperties.class
            .getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
            .getParameters();
        int index = Arrays.asList(components)
            .indexOf(Arrays.stream(components)
                .filter((component) -> component.getName().equals("minOperations"))
                .findFirst()
                .orElseThrow());
        return Long.parseLong(parameters[index].getAnnotation(DefaultValue.class).value()[0]);
    }

    private static String recorded(String record) {
        return ((String) MonitoringFiles.rules()
            .stream()
            .filter((rule) -> record.equals(rule.get("record")))
            .findFirst()
            .orElseThrow()
            .get("expr")).replaceAll("\\s+", " ").trim();
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
            assertThat(threshold * scale).as(describe(alert)).isCloseTo(rule.threshold(severity), Offset.offset(1e-9));
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
            assertThat(((Map<String, ?>) alert.get("annotations")).keySet()).as(describe(alert))
                .contains("summary", "description");
        }
        assertThat(names.stream().map((name) -> name.substring(0, name.indexOf('='))).distinct()).hasSize(names.size());
    }

    /** The expression an alert compares with its threshold: what it measures. */
    private static String measured(String expr) {
        Matcher matcher = THRESHOLD.matcher(expr);
        assertThat(matcher.find()).as("a comparison with a number in %s", expr).isTrue();
        return expr.substring(0, matcher.start()).replaceAll("\\s+", " ").trim();
    }

    /**
     * Has promtool evaluate, over the gauges each member exports for its sample, the
     * PromQL the rule's alerts compare with their thresholds (with the shipped recording
     * rules loaded), and expects for each member the figure the node's own rule judges in
     * that sample.
     */
    private static void assertPrometheusFindsTheNodesFigure(Path directory, String rule, double scale,
            Map<String, MemberSample> members, String... gauges) throws IOException {
        Promtool promtool = Promtool.require();
        Catalog catalog = CatalogLoader.loadDefault();
        String measure = measured((String) catalogAlerts().stream()
            .filter((alert) -> labels(alert).get("rule").equals(rule))
            .findFirst()
            .orElseThrow()
            .get("expr"));
        String name = measure.matches("[a-zA-Z_:][a-zA-Z0-9_:]*") ? measure : "";
        StringBuilder series = new StringBuilder();
        StringBuilder samples = new StringBuilder();
        for (Map.Entry<String, MemberSample> member : new TreeMap<>(members).entrySet()) {
            SampleHistory history = new SampleHistory(1);
            history.add(member.getValue());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new MonitorMetrics(history, catalog).bindTo(registry);
            for (String gauge : gauges) {
                for (Gauge meter : registry.find(gauge).gauges()) {
                    String tags = meter.getId()
                        .getTags()
                        .stream()
                        .map((tag) -> "," + tag.getKey() + "=\"" + tag.getValue() + "\"")
                        .collect(Collectors.joining());
                    series.append(String.format(Locale.ROOT,
                            "      - series: '%s{job=\"grid\",instance=\"%s\"%s}'%n" + "        values: '%s'%n",
                            gauge.replace('.', '_'), member.getKey(), tags, meter.value()));
                }
            }
            double judged = MemberRuleProbe.figure(rule, catalog, member.getValue()).orElseThrow() / scale;
            samples.append(String.format(Locale.ROOT,
                    "          - labels: '%s{instance=\"%s\",job=\"grid\"}'%n            value: %s%n", name,
                    member.getKey(), judged));
        }
        MonitoringFiles.copy(directory, List.of(MonitoringFiles.RULES));
        Files.writeString(directory.resolve("measure.yml"),
                "rule_files:\n  - grid-alerts.yml\nevaluation_interval: 15s\ntests:\n"
                        + "  - interval: 15s\n    input_series:\n" + series + "    promql_expr_test:\n      - expr: '"
                        + measure + "'\n        eval_time: 0s\n        exp_samples:\n" + samples);

        Promtool.Result result = promtool.run(directory, "test", "rules", "measure.yml");

        assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    /** A member whose maps hold the given shares of their budgets, in catalog order. */
    private static MemberSample filled(Catalog catalog, MemoryBudget budget, String member, double[] fills) {
        List<MapSample> maps = new ArrayList<>();
        List<DataClassPolicy> policies = List.copyOf(catalog.policies());
        for (int i = 0; i < policies.size(); i++) {
            long bytes = budget.bytes(policies.get(i).mapName());
            maps.add(new MapSample(policies.get(i).mapName(), 0, 0, 0, 0, Double.NaN, (long) (fills[i] * bytes), bytes,
                    0, 0, 0, policies.get(i).memoryAlert()));
        }
        return new MemberSample(Instant.EPOCH, SAMPLE_INTERVAL, member, maps, 0.5, 0, 0, 0, 0);
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

    /**
     * Reads a Prometheus duration as the rules use them: absent (zero), or whole seconds
     * or minutes.
     */
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

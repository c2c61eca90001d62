package com.wedsync.grid.node.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Grafana dashboard: it conforms to the schema of the parts of Grafana's model it
 * uses, its panels tile the 24-column grid, every query is PromQL that promtool parses
 * and is scoped to the selected jobs, and it shows what the issue asks for. (That every
 * metric it queries is exported is checked in grid-node, against real scrapes.)
 */
class GrafanaDashboardTests {

    private static final JsonNode DASHBOARD = MonitoringFiles.json(MonitoringFiles.DASHBOARD);

    private static final JsonNode SCHEMA = MonitoringFiles.json(MonitoringFiles.DASHBOARD_SCHEMA);

    /** A metric or recording-rule name followed by its selector. */
    private static final Pattern SELECTOR = Pattern.compile("\\b(grid_[a-z0-9_]+|[a-z_]+:[a-z0-9_:]+)(\\{[^}]*})?");

    @TempDir
    Path directory;

    @Test
    void dashboardConformsToItsSchema() {
        assertThat(JsonSchemaCheck.check(SCHEMA, DASHBOARD)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDashboards")
    void schemaRejectsABrokenDashboard(String what, Consumer<ObjectNode> breakIt, String error) {
        ObjectNode broken = (ObjectNode) DASHBOARD.deepCopy();
        breakIt.accept(broken);

        assertThat(JsonSchemaCheck.check(SCHEMA, broken)).contains(error);
    }

    static Stream<Arguments> brokenDashboards() {
        return Stream.of(Arguments.of("no uid", (Consumer<ObjectNode>) (d) -> d.remove("uid"), ": 'uid' is required"),
                Arguments.of("panel wider than the grid",
                        (Consumer<ObjectNode>) (
                                d) -> panel(d, 1).putObject("gridPos").put("h", 8).put("w", 25).put("x", 0).put("y", 0),
                        "/panels/1/gridPos/w: 25 is above the maximum 24"),
                Arguments.of("a fixed data source",
                        (Consumer<ObjectNode>) (d) -> panel(d, 1).putObject("datasource")
                            .put("type", "prometheus")
                            .put("uid", "P1809F7CD0C75ACF3"),
                        "/panels/1/datasource/uid: \"P1809F7CD0C75ACF3\" is not \"${datasource}\""),
                Arguments.of("a misspelt field", (Consumer<ObjectNode>) (d) -> panel(d, 1).put("titel", "x"),
                        "/panels/1/titel: not allowed here (allowed: [id, type, title, description, collapsed, panels,"
                                + " datasource, gridPos, targets, fieldConfig, options])"),
                Arguments.of("an unknown unit",
                        (Consumer<ObjectNode>) (d) -> ((ObjectNode) panel(d, 1).get("fieldConfig").get("defaults"))
                            .put("unit", "percent"),
                        "/panels/1/fieldConfig/defaults/unit: \"percent\" is not one of"
                                + " [\"none\",\"ops\",\"percentunit\",\"s\",\"ms\",\"bytes\"]"),
                Arguments.of("a string for a number", (Consumer<ObjectNode>) (d) -> d.put("schemaVersion", "39"),
                        "/schemaVersion: string is not of type \"integer\""));
    }

    @Test
    void panelsHaveUniqueIdsAndTileTheGridWithoutOverlap() {
        Set<Integer> ids = new HashSet<>();
        List<int[]> placed = new ArrayList<>();
        for (JsonNode panel : DASHBOARD.get("panels").values()) {
            assertThat(ids.add(panel.get("id").intValue())).as("unique id %s", panel.get("id")).isTrue();
            JsonNode pos = panel.get("gridPos");
            int[] box = { pos.get("x").intValue(), pos.get("y").intValue(), pos.get("w").intValue(),
                    pos.get("h").intValue() };
            assertThat(box[0] + box[2]).as("right edge of '%s'", title(panel)).isLessThanOrEqualTo(24);
            for (int[] other : placed) {
                boolean overlaps = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlaps).as("'%s' overlaps another panel", title(panel)).isFalse();
            }
            placed.add(box);
        }
    }

    @Test
    void everyQueryPanelHasTargetsWithUniqueRefIdsAndUnits() {
        for (JsonNode panel : queryPanels()) {
            assertThat(panel.has("datasource") && panel.has("targets") && panel.has("fieldConfig"))
                .as("'%s' has a data source, targets and a field config", title(panel))
                .isTrue();
            List<String> refIds = panel.get("targets").values().stream().map((t) -> t.get("refId").asString()).toList();
            assertThat(refIds).as("refIds of '%s'", title(panel)).doesNotHaveDuplicates();
            assertThat(panel.get("fieldConfig").get("defaults").has("unit")).as("unit of '%s'", title(panel)).isTrue();
        }
    }

    @Test
    void everyQueryIsScopedToTheSelectedJobs() {
        for (String expr : panelExpressions()) {
            Matcher matcher = SELECTOR.matcher(expr);
            while (matcher.find()) {
                String variable = matcher.group(1).startsWith("grid_region_") ? "$client_job" : "$job";
                assertThat(matcher.group(2)).as("selector of %s in %s", matcher.group(1), expr)
                    .contains("job=~\"" + variable + "\"");
            }
        }
    }

    @Test
    void dashboardShowsTrafficHitRatesLatencyMemoryAlertsAndMembers() {
        String all = String.join("\n", panelExpressions());

        assertThat(all).contains("grid_monitor_ops_per_second", "job:grid_monitor_ops_per_second:baseline1w",
                "grid_map_hits_total", "grid_region_gets_total", "histogram_quantile(0.99",
                "grid_region_latency_seconds_bucket", "grid_monitor_latency_ms", "grid_map_budget_bytes",
                "grid_monitor_memory_ratio", "grid_alerts_active", "grid_scaling_desired_members",
                "grid_cluster_members", "grid_weddings_active", "grid_weddings_upcoming", "grid_client_latency_p95_ms",
                "grid_client_hit_ratio", "grid_client_ops_per_second");
    }

    @Test
    void everyQueryIsPromQlThatPromtoolParses() throws Exception {
        Promtool promtool = Promtool.require();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> expressions = new ArrayList<>(panelExpressions());
        expressions.addAll(variableExpressions());
        for (int i = 0; i < expressions.size(); i++) {
            // Grafana substitutes $__rate_interval; $job and $client_job stand inside
            // regex strings as they are.
            String expr = expressions.get(i).replace("$__rate_interval", "1m").replace("'", "''");
            rules.append("      - record: dashboard:query_")
                .append(i)
                .append("\n        expr: '")
                .append(expr)
                .append("'\n");
        }
        Files.writeString(this.directory.resolve("dashboard.yml"), rules, StandardCharsets.UTF_8);

        Promtool.Result result = promtool.run(this.directory, "check", "rules", "dashboard.yml");

        assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    static List<String> panelExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : queryPanels()) {
            panel.get("targets").values().forEach((target) -> expressions.add(target.get("expr").asString()));
        }
        return expressions;
    }

    /**
     * The variables' {@code label_values(metric, label)} queries, as the PromQL Grafana
     * runs for them.
     */
    static List<String> variableExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode variable : DASHBOARD.get("templating").get("list").values()) {
            if (variable.get("type").asString().equals("query")) {
                String query = variable.get("query").get("query").asString();
                expressions.add(query.replaceFirst("^label_values\\((\\w+), (\\w+)\\)$", "group by ($2) ($1)"));
            }
        }
        return expressions;
    }

    private static List<JsonNode> queryPanels() {
        return DASHBOARD.get("panels")
            .values()
            .stream()
            .filter((panel) -> !panel.get("type").asString().equals("row"))
            .toList();
    }

    private static ObjectNode panel(ObjectNode dashboard, int index) {
        return (ObjectNode) dashboard.get("panels").get(index);
    }

    private static String title(JsonNode panel) {
        return panel.get("title").asString();
    }

}

package com.wedsync.grid.node.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL of the monitoring artefacts the config module ships: the Prometheus rules
 * and the Grafana dashboard.
 */
final class MonitoringQueries {

    /** The Prometheus rule file on the class path. */
    static final String RULES = "monitoring/prometheus/grid-alerts.yml";

    /** The Grafana dashboard on the class path. */
    static final String DASHBOARD = "monitoring/grafana/wedsync-grid.json";

    private MonitoringQueries() {
    }

    /**
     * Returns every query: each rule's expression, each dashboard panel's target, each
     * dashboard variable's query.
     * @return the queries, each with where it stands
     */
    static List<Query> all() {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            String name = (String) (rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
            queries.add(new Query(RULES + " " + name, (String) rule.get("expr")));
        }
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.get("panels").values()) {
            for (JsonNode target : panel.path("targets").values()) {
                queries.add(new Query(DASHBOARD + " '" + panel.get("title").asString() + "'",
                        target.get("expr").asString()));
            }
        }
        for (JsonNode variable : dashboard.get("templating").get("list").values()) {
            if (variable.get("type").asString().equals("query")) {
                queries.add(new Query(DASHBOARD + " $" + variable.get("name").asString(),
                        variable.get("query").get("query").asString()));
            }
        }
        return queries;
    }

    /**
     * Returns the names the recording rules record.
     * @return for example {@code job:grid_map_hit_ratio:rate5m}
     */
    static Set<String> recorded() {
        return rules().stream()
            .filter((rule) -> rule.containsKey("record"))
            .map((rule) -> (String) rule.get("record"))
            .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> document;
        try (InputStream in = open(RULES)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static JsonNode dashboard() {
        try (InputStream in = open(DASHBOARD)) {
            return JsonMapper.builder().build().readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = MonitoringQueries.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path (it comes with the config module)");
        }
        return in;
    }

    /**
     * One query.
     *
     * @param source the file and the rule, panel or variable it belongs to
     * @param expr its PromQL
     */
    record Query(String source, String expr) {

        List<PromQlReferences.Selector> selectors() {
            return PromQlReferences.of(this.expr);
        }
    }

}

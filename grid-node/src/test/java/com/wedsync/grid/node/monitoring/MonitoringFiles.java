package com.wedsync.grid.node.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped monitoring artefacts, read as the tests need them: the top-level
 * {@code monitoring/} folder, on this module's test class path (grid-node's pom).
 */
final class MonitoringFiles {

    /** The Prometheus rule file. */
    static final String RULES = "monitoring/prometheus/grid-alerts.yml";

    /** Its promtool unit tests. */
    static final List<String> RULE_TESTS = List.of("monitoring/prometheus/grid-alerts-tests.yml",
            "monitoring/prometheus/grid-alerts-saturday-tests.yml");

    /** The example Prometheus configuration that loads the rules. */
    static final String EXAMPLE_CONFIG = "monitoring/prometheus/prometheus.yml";

    /** The Grafana dashboard. */
    static final String DASHBOARD = "monitoring/grafana/wedsync-grid.json";

    /**
     * The JSON schema of the parts of Grafana's dashboard model the dashboard uses (a
     * test resource).
     */
    static final String DASHBOARD_SCHEMA = "monitoring/grafana-dashboard.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MonitoringFiles() {
    }

    static Map<String, Object> yaml(String resource) {
        try (InputStream in = open(resource)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Copies resources into a directory under their file names, so that promtool finds
     * them side by side.
     * @param directory where to
     * @param resources the class-path names
     * @return the directory
     */
    static Path copy(Path directory, List<String> resources) {
        for (String resource : resources) {
            try (InputStream in = open(resource)) {
                Files.copy(in, directory.resolve(Path.of(resource).getFileName()));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return directory;
    }

    static List<Map<String, Object>> alertingRules() {
        return rules().stream().filter((rule) -> rule.containsKey("alert")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml(RULES).get("groups");
        return groups.stream().flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = MonitoringFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path");
        }
        return in;
    }

}

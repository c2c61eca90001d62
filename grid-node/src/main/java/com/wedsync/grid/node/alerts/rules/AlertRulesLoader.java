package com.wedsync.grid.node.alerts.rules;

import com.wedsync.grid.config.catalog.CatalogException;
import com.wedsync.grid.config.catalog.YamlDocuments;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the alert rules from YAML (by default the {@value #DEFAULT_RESOURCE} resource
 * shipped next to the catalog) and applies overrides given as flat properties, for
 * example {@code alerts.latency.critical=1.5ms} or {@code alerts.memory.raise-after=2}.
 * The rules are part of the catalog's data, so their errors are
 * {@link CatalogException}s, each naming the field and the value.
 */
public final class AlertRulesLoader {

    /** The rules shipped with the grid. */
    public static final String DEFAULT_RESOURCE = "/wedsync/alerts.yml";

    /** The prefix of override keys; it may be left out. */
    public static final String PREFIX = "alerts.";

    private static final List<String> FIELDS = List.of("metric", "comparison", "unit", "info", "warning", "critical",
            "emergency", "raise-after", "clear-after");

    private static final Pattern THRESHOLD = Pattern.compile("(-?\\d{1,12}(?:\\.\\d{1,9})?)\\s*([a-z%]*)");

    private AlertRulesLoader() {
    }

    /**
     * Loads the shipped rules with overrides.
     * @param overrides flat properties such as {@code alerts.latency.critical=1.5ms};
     * empty for the defaults
     * @return the rules
     * @throws CatalogException if an override names an unknown rule or field, or the
     * result is invalid
     */
    public static AlertRules loadDefault(Map<String, String> overrides) {
        return YamlDocuments.loadResource(DEFAULT_RESOURCE, "alerts", (in) -> load(in, overrides));
    }

    /**
     * Loads rules from YAML and applies overrides.
     * @param yaml the document, a mapping {@code rules} of rule id to fields
     * @param overrides flat properties such as {@code alerts.hit_rate.warning=96%}
     * @return the rules
     * @throws CatalogException if the document or an override is invalid
     */
    public static AlertRules load(InputStream yaml, Map<String, String> overrides) {
        Map<String, Map<String, Object>> tree = parse(yaml);
        overrides.forEach((key, value) -> override(tree, key, value));
        List<AlertRule> rules = new ArrayList<>();
        tree.forEach((id, fields) -> rules.add(rule(id, fields)));
        return new AlertRules(rules);
    }

    private static AlertRule rule(String id, Map<String, Object> fields) {
        TreeSet<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new CatalogException("alerts: unknown field " + id + "." + unknown.first() + " (known here: "
                    + String.join(", ", FIELDS) + ")");
        }
        Unit unit = choice(id, "unit", fields, Unit.class);
        Map<Severity, Double> thresholds = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            if (fields.get(severity.id()) != null) {
                thresholds.put(severity, threshold(id + "." + severity.id(), fields.get(severity.id()), unit));
            }
        }
        String metric = String.valueOf(required(id, "metric", fields));
        Comparison comparison = choice(id, "comparison", fields, Comparison.class);
        int raiseAfter = samples(id, "raise-after", fields);
        int clearAfter = samples(id, "clear-after", fields);
        try {
            return new AlertRule(id, metric, comparison, unit, thresholds, raiseAfter, clearAfter);
        }
        catch (IllegalArgumentException ex) {
            throw new CatalogException("alerts: " + ex.getMessage());
        }
    }

    private static double threshold(String field, Object value, Unit unit) {
        Matcher matcher = THRESHOLD.matcher(String.valueOf(value).trim());
        if (!matcher.matches() || !(matcher.group(2).isEmpty() || matcher.group(2).equals(unit.symbol()))) {
            String example = switch (unit) {
                case MILLISECONDS -> "1.5ms";
                case PERCENT -> "95%";
                case COUNT -> "0";
            };
            throw new CatalogException("alerts: " + field + " ('" + value + "') must be a number"
                    + (unit == Unit.COUNT ? "" : " of " + unit.symbol()) + ", for example " + example);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static <E extends Enum<E>> E choice(String id, String field, Map<String, Object> fields, Class<E> type) {
        String value = String.valueOf(required(id, field, fields)).trim();
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = (constant instanceof Unit unit && unit != Unit.COUNT) ? unit.symbol()
                    : constant.name().toLowerCase(Locale.ROOT);
            if (name.equalsIgnoreCase(value)) {
                return constant;
            }
            names.add(name);
        }
        throw new CatalogException("alerts: " + id + "." + field + " ('" + value + "') is not one of " + names);
    }

    private static int samples(String id, String field, Map<String, Object> fields) {
        Object value = required(id, field, fields);
        try {
            return (value instanceof Integer number) ? number : Integer.parseInt(String.valueOf(value).trim());
        }
        catch (NumberFormatException ex) {
            throw new CatalogException("alerts: " + id + "." + field + " ('" + value + "') is not a whole number");
        }
    }

    private static Object required(String id, String field, Map<String, Object> fields) {
        Object value = fields.get(field);
        if (value == null) {
            throw new CatalogException("alerts: " + id + "." + field + " is missing");
        }
        return value;
    }

    private static void override(Map<String, Map<String, Object>> tree, String key, String value) {
        String path = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
        int dot = path.indexOf('.');
        Map<String, Object> rule = (dot < 0) ? null : tree.get(path.substring(0, dot));
        if (rule == null) {
            throw new CatalogException("alerts: override '" + key + "=" + value + "' names no rule (rules: "
                    + new TreeSet<>(tree.keySet()) + ")");
        }
        String field = path.substring(dot + 1);
        if (!FIELDS.contains(field)) {
            throw new CatalogException("alerts: override '" + key + "=" + value + "' names no field of a rule"
                    + " (fields: " + String.join(", ", FIELDS) + ")");
        }
        rule.put(field, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> parse(InputStream yaml) {
        Object document = YamlDocuments.parse(yaml, "alerts");
        if (!(document instanceof Map<?, ?> root) || root.size() != 1 || !(root.get("rules") instanceof Map)) {
            throw new CatalogException("alerts: the document must be one mapping 'rules' of rule id to fields");
        }
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        ((Map<Object, Object>) root.get("rules")).forEach((id, fields) -> {
            if (!(fields instanceof Map)) {
                throw new CatalogException(
                        "alerts: rules." + id + " must be a mapping of fields, not '" + fields + "'");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<Object, Object>) fields).forEach((name, field) -> copy.put(String.valueOf(name), field));
            rules.put(String.valueOf(id), copy);
        });
        return rules;
    }

}

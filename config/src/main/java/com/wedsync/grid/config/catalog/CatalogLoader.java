package com.wedsync.grid.config.catalog;

import com.hazelcast.config.EvictionPolicy;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads the catalog from YAML (by default the {@value #DEFAULT_RESOURCE} resource shipped
 * in this module) and applies overrides given as flat properties, for example
 * {@code wedding_data.backup-count=3} or {@code protection-window=10d}. An override may
 * only replace a field the YAML has; every error names the field and the value.
 */
public final class CatalogLoader {

    /** The catalog shipped with the grid. */
    public static final String DEFAULT_RESOURCE = "/wedsync/catalog.yml";

    private static final int MAX_DEPTH = 16;

    private CatalogLoader() {
    }

    /**
     * Loads the shipped catalog without overrides.
     * @return the catalog
     * @throws CatalogException if the catalog is invalid
     */
    public static Catalog loadDefault() {
        return loadDefault(Map.of());
    }

    /**
     * Loads the shipped catalog with overrides.
     * @param overrides flat properties such as {@code vendor_responses.ttl.base=2h}
     * @return the catalog
     * @throws CatalogException if an override names an unknown field or the result is
     * invalid
     */
    public static Catalog loadDefault(Map<String, String> overrides) {
        return YamlDocuments.loadResource(DEFAULT_RESOURCE, "catalog", (in) -> load(in, overrides));
    }

    /**
     * Loads a catalog from YAML and applies overrides.
     * @param yaml the catalog document
     * @param overrides flat properties such as {@code wedding_data.memory-share=45}
     * @return the catalog
     * @throws CatalogException if the document or an override is invalid
     */
    public static Catalog load(InputStream yaml, Map<String, String> overrides) {
        Map<String, Object> tree = parse(yaml);
        overrides.forEach((key, value) -> override(tree, key, value));
        Fields root = new Fields("", tree);
        root.requireOnly("protection-window", "classes");
        Fields classesNode = root.node("classes");
        Map<DataClass, DataClassPolicy> classes = new EnumMap<>(DataClass.class);
        for (String id : classesNode.keys()) {
            DataClass dataClass = knownClass(id);
            classes.put(dataClass, policy(dataClass, classesNode.node(id)));
        }
        return new Catalog(classes, root.duration("protection-window"));
    }

    private static DataClassPolicy policy(DataClass dataClass, Fields f) {
        f.requireOnly("map", "memory-share", "backup-count", "async-backup-count", "ttl", "max-idle", "eviction",
                "protect-upcoming", "near-cache", "merge-policy", "split-brain-protection", "memory-alert");
        Fields ttl = f.node("ttl");
        ttl.requireOnly("base", "min", "max");
        Fields near = f.node("near-cache");
        near.requireOnly("enabled", "max-entries", "ttl", "max-idle");
        try {
            return new DataClassPolicy(dataClass, f.text("map"), f.integer("memory-share"), f.integer("backup-count"),
                    f.integer("async-backup-count"),
                    new TtlBounds(ttl.duration("base"), ttl.duration("min"), ttl.duration("max")),
                    f.duration("max-idle"), f.eviction("eviction"), f.bool("protect-upcoming"),
                    new NearCachePolicy(near.bool("enabled"), near.integer("max-entries"), near.duration("ttl"),
                            near.duration("max-idle")),
                    f.text("merge-policy"), f.bool("split-brain-protection"), f.bool("memory-alert"));
        }
        catch (CatalogException ex) {
            throw ex;
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new CatalogException("catalog: " + dataClass.id() + "." + ex.getMessage());
        }
    }

    private static DataClass knownClass(String id) {
        try {
            return DataClass.fromId(id);
        }
        catch (IllegalArgumentException ex) {
            throw new CatalogException(
                    "catalog: classes." + id + " is not a known data class (known: " + DataClass.knownIds() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(InputStream yaml) {
        Object document = YamlDocuments.parse(yaml, "catalog");
        if (!(document instanceof Map)) {
            throw new CatalogException("catalog: the document is not a mapping of fields");
        }
        return deepCopy((Map<String, Object>) document, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source, int depth) {
        requireDepth(depth);
        // YAML keys need not be strings ({0: x}, {true: y}): read them as objects and
        // name them by their text.
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) source).entrySet()) {
            if (entry.getKey() instanceof Map || entry.getKey() instanceof List) {
                throw new CatalogException("catalog: a key is a mapping or a list, not a field name");
            }
            copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue(), depth + 1));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value, int depth) {
        if (value instanceof Map) {
            return deepCopy((Map<String, Object>) value, depth);
        }
        if (value instanceof List<?> list) {
            requireDepth(depth);
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach((element) -> copy.add(copyValue(element, depth + 1)));
            return copy;
        }
        return value;
    }

    private static void requireDepth(int depth) {
        // The catalog nests 4 levels; a self-referencing alias (&a { x: *a }, &b [*b])
        // would recurse without end.
        if (depth > MAX_DEPTH) {
            throw new CatalogException(
                    "catalog: the document nests deeper than " + MAX_DEPTH + " levels (a self-referencing alias?)");
        }
    }

    @SuppressWarnings("unchecked")
    private static void override(Map<String, Object> tree, String key, String value) {
        String path = key.startsWith("classes.") || key.equals("protection-window") ? key : "classes." + key;
        String[] parts = path.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < parts.length; i++) {
            Object child = node.get(parts[i]);
            boolean leaf = i == parts.length - 1;
            if (child == null || (leaf == (child instanceof Map))) {
                throw new CatalogException("catalog: override '" + key + "=" + value + "' names no field of the"
                        + " catalog (fields here: " + new TreeSet<>(node.keySet()) + ")");
            }
            if (leaf) {
                node.put(parts[i], value);
            }
            else {
                node = (Map<String, Object>) child;
            }
        }
    }

    /** A node of the YAML tree that reads typed fields and names them in its errors. */
    private record Fields(String path, Map<String, Object> values) {

        Iterable<String> keys() {
            return this.values.keySet();
        }

        void requireOnly(String... names) {
            TreeSet<String> unknown = new TreeSet<>(this.values.keySet());
            unknown.removeAll(java.util.List.of(names));
            if (!unknown.isEmpty()) {
                throw new CatalogException("catalog: unknown field " + name(unknown.first()) + " (known here: "
                        + String.join(", ", names) + ")");
            }
        }

        @SuppressWarnings("unchecked")
        Fields node(String name) {
            Object value = raw(name);
            if (!(value instanceof Map)) {
                throw new CatalogException(
                        "catalog: " + name(name) + " must be a mapping of fields, not '" + value + "'");
            }
            return new Fields(name(name), (Map<String, Object>) value);
        }

        String text(String name) {
            return String.valueOf(raw(name));
        }

        int integer(String name) {
            Object value = raw(name);
            try {
                return (value instanceof Integer number) ? number : Integer.parseInt(String.valueOf(value).trim());
            }
            catch (NumberFormatException ex) {
                throw new CatalogException("catalog: " + name(name) + " ('" + value + "') is not a whole number");
            }
        }

        boolean bool(String name) {
            Object value = raw(name);
            String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw new CatalogException("catalog: " + name(name) + " ('" + value + "') must be true or false");
            }
            return Boolean.parseBoolean(text);
        }

        java.time.Duration duration(String name) {
            String value = String.valueOf(raw(name));
            try {
                return Durations.parse(name(name), value);
            }
            catch (IllegalArgumentException ex) {
                throw new CatalogException("catalog: " + ex.getMessage());
            }
        }

        EvictionPolicy eviction(String name) {
            String value = text(name);
            try {
                return EvictionPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new CatalogException("catalog: " + name(name) + " ('" + value + "') is not LRU, LFU or RANDOM");
            }
        }

        private Object raw(String name) {
            Object value = this.values.get(name);
            if (value == null) {
                throw new CatalogException("catalog: " + name(name) + " is missing");
            }
            return value;
        }

        private String name(String name) {
            String full = this.path.isEmpty() ? name : this.path + "." + name;
            return full.startsWith("classes.") ? full.substring("classes.".length()) : full;
        }
    }

}

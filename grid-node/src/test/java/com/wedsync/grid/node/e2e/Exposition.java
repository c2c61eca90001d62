package com.wedsync.grid.node.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series of Prometheus text expositions (scrapes), by sample name: every label set
 * each name is exported with.
 */
final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+\\S+.*$");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, List<Map<String, String>>> series = new HashMap<>();

    /**
     * Reads expositions.
     * @param scrapes the text of each scrape
     * @return their series together
     */
    static Exposition of(String... scrapes) {
        Exposition exposition = new Exposition();
        for (String scrape : scrapes) {
            scrape.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach(exposition::add);
        }
        return exposition;
    }

    private void add(String line) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (sample.group(3) != null) {
            Matcher label = LABEL.matcher(sample.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        this.series.computeIfAbsent(sample.group(1), (name) -> new ArrayList<>()).add(labels);
    }

    /** Returns every sample name. */
    Set<String> names() {
        return this.series.keySet();
    }

    /**
     * Tells whether a sample name is exported with the given label values (among others).
     * @param name the sample name, for example {@code grid_map_hits_total}
     * @param labels label values it must carry
     * @return {@code true} if one of its series carries them all
     */
    boolean has(String name, Map<String, String> labels) {
        return this.series.getOrDefault(name, List.of())
            .stream()
            .anyMatch((one) -> one.entrySet().containsAll(labels.entrySet()));
    }

}

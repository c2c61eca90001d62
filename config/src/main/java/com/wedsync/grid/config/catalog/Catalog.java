package com.wedsync.grid.config.catalog;

import static com.wedsync.grid.config.catalog.Durations.format;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one catalog of data classes: node, client and load test all read it. Immutable and
 * validated as a whole.
 *
 * @param classes the policy of every data class
 * @param protectionWindow how far ahead a wedding counts as upcoming, so that its entries
 * live through the event
 */
public record Catalog(Map<DataClass, DataClassPolicy> classes, Duration protectionWindow) {

    /**
     * Validates the catalog: every class present once, shares that add up to 100 %,
     * distinct map names.
     * @throws CatalogException naming the field and the value at fault
     */
    public Catalog {
        Objects.requireNonNull(classes, "classes are missing");
        EnumMap<DataClass, DataClassPolicy> copy = new EnumMap<>(DataClass.class);
        copy.putAll(classes);
        for (DataClass dataClass : DataClass.values()) {
            DataClassPolicy policy = copy.get(dataClass);
            if (policy == null) {
                throw new CatalogException("catalog: classes." + dataClass.id() + " is missing");
            }
            if (policy.dataClass() != dataClass) {
                throw new CatalogException(
                        "catalog: classes." + dataClass.id() + " holds the policy of " + policy.dataClass().id());
            }
        }
        int shares = copy.values().stream().mapToInt(DataClassPolicy::memorySharePercent).sum();
        if (shares != 100) {
            throw new CatalogException("catalog: the memory-share values add up to " + shares + " %, not 100 %");
        }
        Map<String, DataClass> byMap = new HashMap<>();
        for (DataClassPolicy policy : copy.values()) {
            DataClass other = byMap.putIfAbsent(policy.mapName(), policy.dataClass());
            if (other != null) {
                throw new CatalogException("catalog: " + policy.dataClass().id() + ".map ('" + policy.mapName()
                        + "') is already the map of " + other.id());
            }
        }
        Objects.requireNonNull(protectionWindow, "catalog: protection-window is missing");
        if (protectionWindow.isNegative() || protectionWindow.isZero()) {
            throw new CatalogException(
                    "catalog: protection-window (" + format(protectionWindow) + ") must be positive");
        }
        classes = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the policy of one class.
     * @param dataClass the class
     * @return its policy, never {@code null}
     */
    public DataClassPolicy policy(DataClass dataClass) {
        return this.classes.get(dataClass);
    }

    /**
     * Returns every policy, in the order of {@link DataClass}.
     * @return the policies
     */
    public Collection<DataClassPolicy> policies() {
        return List.copyOf(this.classes.values());
    }
}

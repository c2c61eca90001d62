package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the wedding workload uses its {@link WeddingModel}: the operation mix, how weddings
 * and items within a wedding are chosen, and the values it writes.
 *
 * @param mix the class weights and read shares
 * @param theta the Zipfian constant of the Zipfian-based distributions, in [0, 1)
 * @param weddings how a wedding is chosen from the weddings sorted soonest first:
 * {@link KeyDistribution#ZIPFIAN} makes the soonest (this week's) weddings the hottest
 * @param items how an item is chosen within a wedding (and among the system entries)
 * @param values the value shape of every class
 * @param poolSize how many pre-generated values each class writes, at least 1
 */
public record WeddingTraffic(OperationMix mix, double theta, KeyDistribution weddings, KeyDistribution items,
        Map<DataClass, ValueShape> values, int poolSize) {

    /**
     * Validates the settings and copies the value shapes.
     * @throws IllegalArgumentException naming the field and the value if one is missing
     * or out of range
     */
    public WeddingTraffic {
        require("mix", mix);
        require("weddings", weddings);
        require("items", items);
        require("values", values);
        if (!(theta >= 0.0 && theta < 1.0)) {
            throw new IllegalArgumentException("WeddingTraffic.theta must be in [0, 1), was " + theta);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("WeddingTraffic.poolSize must be at least 1, was " + poolSize);
        }
        Map<DataClass, ValueShape> copy = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            ValueShape shape = values.get(dataClass);
            if (shape == null) {
                throw new IllegalArgumentException("WeddingTraffic.values." + dataClass.id() + " is missing");
            }
            copy.put(dataClass, shape);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the defaults: {@link OperationMix#defaults()} (95/5), theta 0.99, Zipfian
     * weddings (soonest hottest), uniform items, {@link ValueShape#defaultFor} sizes, 16
     * values per class.
     * @return the settings
     */
    public static WeddingTraffic defaults() {
        return new WeddingTraffic(OperationMix.defaults(), ZipfianGenerator.DEFAULT_THETA, KeyDistribution.ZIPFIAN,
                KeyDistribution.UNIFORM, defaultValues(), ValuePool.DEFAULT_SIZE);
    }

    /**
     * Returns the default value shape of every class.
     * @return the shapes, by class
     */
    public static Map<DataClass, ValueShape> defaultValues() {
        Map<DataClass, ValueShape> shapes = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            shapes.put(dataClass, ValueShape.defaultFor(dataClass));
        }
        return shapes;
    }

    /**
     * Returns a copy with another operation mix.
     * @param newMix the mix
     * @return the copy
     */
    public WeddingTraffic withMix(OperationMix newMix) {
        return new WeddingTraffic(newMix, this.theta, this.weddings, this.items, this.values, this.poolSize);
    }

    /**
     * Returns a copy with another item distribution.
     * @param newItems how items are chosen within a wedding
     * @return the copy
     */
    public WeddingTraffic withItems(KeyDistribution newItems) {
        return new WeddingTraffic(this.mix, this.theta, this.weddings, newItems, this.values, this.poolSize);
    }

    private static void require(String field, Object value) {
        if (Objects.isNull(value)) {
            throw new IllegalArgumentException("WeddingTraffic." + field + " must not be null");
        }
    }
}

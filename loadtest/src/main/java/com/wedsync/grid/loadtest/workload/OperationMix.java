package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which operations a workload draws: a weight per data class (how much of the traffic
 * goes to it) and, per class, the share of its operations that are reads. The probability
 * of a (class, type) pair is {@code weight(class) / sum(weights)} times the read share,
 * or its complement for writes.
 *
 * @param weights the weight of every class, each finite and at least 0, summing to more
 * than 0
 * @param readShares the share of reads of every class, each in [0, 1]
 */
public record OperationMix(Map<DataClass, Double> weights, Map<DataClass, Double> readShares) {

    /** The default share of reads: 95 % reads, 5 % writes ("95/5"). */
    public static final double DEFAULT_READ_SHARE = 0.95;

    /**
     * Validates the mix and copies the maps (unmodifiable, in {@link DataClass} order).
     * @throws IllegalArgumentException naming the field, the class and the value if one
     * is missing or out of range
     */
    public OperationMix {
        weights = complete("weights", weights);
        readShares = complete("readShares", readShares);
        double total = 0.0;
        for (DataClass dataClass : DataClass.values()) {
            double weight = weights.get(dataClass);
            if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(
                        "OperationMix.weights." + dataClass.id() + " must be finite and at least 0, was " + weight);
            }
            double reads = readShares.get(dataClass);
            if (!(reads >= 0.0 && reads <= 1.0)) {
                throw new IllegalArgumentException(
                        "OperationMix.readShares." + dataClass.id() + " must be in [0, 1], was " + reads);
            }
            total += weight;
        }
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("OperationMix.weights must sum to more than 0, was " + total);
        }
    }

    /**
     * Returns the default mix: traffic weighted like the catalog's budget shares (wedding
     * data 40, vendor responses 25, guest interactions 20, photo thumbnails 10, system
     * cache 5) and 95 % reads in every class.
     * @return the mix
     */
    public static OperationMix defaults() {
        return withReads(DEFAULT_READ_SHARE);
    }

    /**
     * Returns the default class weights with one read share for every class.
     * @param readShare the share of reads, in [0, 1]
     * @return the mix
     * @throws IllegalArgumentException naming the field if the share is out of range
     */
    public static OperationMix withReads(double readShare) {
        Map<DataClass, Double> weights = new EnumMap<>(DataClass.class);
        weights.put(DataClass.WEDDING_DATA, 40.0);
        weights.put(DataClass.VENDOR_RESPONSES, 25.0);
        weights.put(DataClass.GUEST_INTERACTIONS, 20.0);
        weights.put(DataClass.PHOTO_THUMBNAILS, 10.0);
        weights.put(DataClass.SYSTEM_CACHE, 5.0);
        return new OperationMix(weights, uniformShares(readShare));
    }

    /**
     * Returns a mix of one class only.
     * @param dataClass the class every operation goes to
     * @param readShare its share of reads, in [0, 1]
     * @return the mix
     * @throws IllegalArgumentException naming the field if the share is out of range
     */
    public static OperationMix single(DataClass dataClass, double readShare) {
        Map<DataClass, Double> weights = new EnumMap<>(DataClass.class);
        for (DataClass each : DataClass.values()) {
            weights.put(each, (each == dataClass) ? 1.0 : 0.0);
        }
        return new OperationMix(weights, uniformShares(readShare));
    }

    /**
     * Returns a copy with another weight for one class.
     * @param dataClass the class
     * @param weight its weight, finite and at least 0
     * @return the copy
     */
    public OperationMix withWeight(DataClass dataClass, double weight) {
        Map<DataClass, Double> copy = new EnumMap<>(this.weights);
        copy.put(dataClass, weight);
        return new OperationMix(copy, this.readShares);
    }

    /**
     * Returns a copy with another read share for one class.
     * @param dataClass the class
     * @param readShare its share of reads, in [0, 1]
     * @return the copy
     */
    public OperationMix withReadShare(DataClass dataClass, double readShare) {
        Map<DataClass, Double> copy = new EnumMap<>(this.readShares);
        copy.put(dataClass, readShare);
        return new OperationMix(this.weights, copy);
    }

    /**
     * Returns the probability that an operation is of this class and type.
     * @param dataClass the class
     * @param type read or write
     * @return the probability, in [0, 1]
     */
    public double probability(DataClass dataClass, OpType type) {
        double total = this.weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double reads = this.readShares.get(dataClass);
        return this.weights.get(dataClass) / total * ((type == OpType.GET) ? reads : 1.0 - reads);
    }

    /**
     * Returns the probability that an operation is of this type, over all classes.
     * @param type read or write
     * @return the probability, in [0, 1]
     */
    public double probability(OpType type) {
        double sum = 0.0;
        for (DataClass dataClass : DataClass.values()) {
            sum += probability(dataClass, type);
        }
        return sum;
    }

    private static Map<DataClass, Double> uniformShares(double readShare) {
        Map<DataClass, Double> shares = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            shares.put(dataClass, readShare);
        }
        return shares;
    }

    private static Map<DataClass, Double> complete(String field, Map<DataClass, Double> values) {
        if (values == null) {
            throw new IllegalArgumentException("OperationMix." + field + " must not be null");
        }
        Map<DataClass, Double> copy = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            Double value = values.get(dataClass);
            if (value == null) {
                throw new IllegalArgumentException(
                        "OperationMix." + field + "." + dataClass.id() + " is missing (every class needs a value)");
            }
            copy.put(dataClass, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}

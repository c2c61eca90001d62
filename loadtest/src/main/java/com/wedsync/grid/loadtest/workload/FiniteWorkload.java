package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A workload whose key space is finite and enumerable, so a warm-up can preload every key
 * it will ever read. Thread-safe like every {@link Workload}.
 */
public interface FiniteWorkload extends Workload {

    /**
     * Calls the action once for every key the workload can draw, class by class, in a
     * fixed order.
     * @param action receives the class and the key
     */
    void forEachKey(BiConsumer<DataClass, WeddingKey> action);

    /**
     * Returns how many keys of a class the workload can draw.
     * @param dataClass the class
     * @return the count, 0 for a class it never touches
     */
    long keyCount(DataClass dataClass);

    /**
     * Returns a value of the class's shape to write, from the workload's pre-generated
     * pool.
     * @param dataClass the class
     * @param random the calling thread's random
     * @return a shared value; never modify it
     * @throws IllegalArgumentException if the workload has no values for the class
     */
    byte[] valueFor(DataClass dataClass, SplittableRandom random);

    /**
     * Returns a one-line description for reports, in the spec syntax where possible.
     * @return the description
     */
    String describe();

    /**
     * Returns how many keys the workload can draw in all.
     * @return the total over every class
     */
    default long keyCount() {
        long total = 0;
        for (DataClass dataClass : DataClass.values()) {
            total += keyCount(dataClass);
        }
        return total;
    }

    /**
     * Collects the keys of one class.
     * @param dataClass the class
     * @return its keys, in {@link #forEachKey} order
     */
    default List<WeddingKey> keys(DataClass dataClass) {
        List<WeddingKey> keys = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, keyCount(dataClass)));
        forEachKey((each, key) -> {
            if (each == dataClass) {
                keys.add(key);
            }
        });
        return keys;
    }

}

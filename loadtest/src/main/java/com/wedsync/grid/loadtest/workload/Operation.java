package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.Objects;

/**
 * One operation of a workload: what to do, on which class and key, and for a write the
 * value.
 *
 * @param type read or write
 * @param dataClass the class (region) it goes to
 * @param key the key
 * @param value the value to write ({@code null} for a read); shared, never modified
 */
public record Operation(OpType type, DataClass dataClass, WeddingKey key, byte[] value) {

    /**
     * Validates the operation.
     * @throws IllegalArgumentException if a write has no value or a read has one
     */
    public Operation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(key, "key");
        if ((type == OpType.PUT) != (value != null)) {
            throw new IllegalArgumentException(
                    "a " + type + " must " + (type == OpType.PUT ? "" : "not ") + "carry a value");
        }
    }
}

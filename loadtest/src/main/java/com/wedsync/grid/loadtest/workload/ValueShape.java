package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import java.util.Objects;

/**
 * The values a data class writes: their size range and what their bytes look like.
 *
 * @param minBytes the smallest value, at least 1
 * @param maxBytes the largest value, at least {@code minBytes}; sizes are uniform in
 * between
 * @param content what the bytes look like
 */
public record ValueShape(int minBytes, int maxBytes, Content content) {

    /** What a value's bytes look like, which decides how well it compresses. */
    public enum Content {

        /**
         * JSON-like UTF-8 text from a small vocabulary: compresses well, like real API
         * responses.
         */
        JSON,
        /** Pseudo-random bytes: incompressible, like encoded images. */
        RANDOM,
        /** Random printable ASCII, like YCSB's field values: compresses a little. */
        ASCII

    }

    /**
     * Validates the shape.
     * @throws IllegalArgumentException naming the field and the value if one is out of
     * range
     */
    public ValueShape {
        if (minBytes < 1) {
            throw new IllegalArgumentException("ValueShape.minBytes must be at least 1, was " + minBytes);
        }
        if (maxBytes < minBytes) {
            throw new IllegalArgumentException(
                    "ValueShape.maxBytes must be at least minBytes (" + minBytes + "), was " + maxBytes);
        }
        Objects.requireNonNull(content, "ValueShape.content");
    }

    /**
     * Returns a shape of one fixed size.
     * @param bytes the size
     * @param content what the bytes look like
     * @return the shape
     */
    public static ValueShape fixed(int bytes, Content content) {
        return new ValueShape(bytes, bytes, content);
    }

    /**
     * Returns the default shape of a class: wedding data 2 KiB JSON, vendor responses
     * 4–16 KiB JSON, guest interactions 512 B JSON, photo thumbnails 20–60 KiB random
     * bytes, system cache 256 B JSON.
     * @param dataClass the class
     * @return its default shape
     */
    public static ValueShape defaultFor(DataClass dataClass) {
        return switch (dataClass) {
            case WEDDING_DATA -> fixed(2 * 1024, Content.JSON);
            case VENDOR_RESPONSES -> new ValueShape(4 * 1024, 16 * 1024, Content.JSON);
            case GUEST_INTERACTIONS -> fixed(512, Content.JSON);
            case PHOTO_THUMBNAILS -> new ValueShape(20 * 1024, 60 * 1024, Content.RANDOM);
            case SYSTEM_CACHE -> fixed(256, Content.JSON);
        };
    }
}

package com.wedsync.grid.config.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The five kinds of data the grid keeps, each with its own map, budget and TTL bounds.
 * The {@link #id()} is the stable name used in the catalog, in properties and in metric
 * tags.
 */
public enum DataClass {

    /** Wedding timelines and details: the most protected class. */
    WEDDING_DATA("wedding_data"),
    /** Responses of vendors' APIs, kept to cut repeated external calls. */
    VENDOR_RESPONSES("vendor_responses"),
    /** RSVP and guest-portal reads: short freshness. */
    GUEST_INTERACTIONS("guest_interactions"),
    /** Gallery previews: large values, first to go under pressure. */
    PHOTO_THUMBNAILS("photo_thumbnails"),
    /** Config and metadata: small, read everywhere. */
    SYSTEM_CACHE("system_cache");

    private final String id;

    DataClass(String id) {
        this.id = id;
    }

    /**
     * Returns the stable name of this class, as written in the catalog.
     * @return the id, for example {@code wedding_data}
     */
    public String id() {
        return this.id;
    }

    /**
     * Finds a class by its catalog name.
     * @param id the name, for example {@code vendor_responses}
     * @return the class
     * @throws IllegalArgumentException naming the value and the known names if none
     * matches
     */
    public static DataClass fromId(String id) {
        for (DataClass dataClass : values()) {
            if (dataClass.id.equals(id)) {
                return dataClass;
            }
        }
        throw new IllegalArgumentException("unknown data class '" + id + "' (known: " + knownIds() + ")");
    }

    static String knownIds() {
        return Arrays.stream(values()).map(DataClass::id).collect(Collectors.joining(", "));
    }

}

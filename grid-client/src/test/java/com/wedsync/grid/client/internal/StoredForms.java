package com.wedsync.grid.client.internal;

/**
 * What tests outside this package may know of how a region stores a value, without the
 * stored types being public.
 */
public final class StoredForms {

    private StoredForms() {
    }

    /**
     * Tells whether what a map holds is a region's compressed value.
     * @param stored what the map returned for a key
     * @return true if it is compressed
     */
    public static boolean isCompressed(Object stored) {
        return stored instanceof CompressedValue;
    }

}

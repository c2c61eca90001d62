package com.wedsync.grid.client;

/**
 * A value larger than one of the client's limits, after compression or before; it was not
 * written.
 */
public class ValueTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param region the region written to
     * @param bytes the value's size after compression
     * @param limit the limit
     */
    public ValueTooLargeException(String region, long bytes, long limit) {
        this(region, bytes, "after compression", limit, "maxValueBytes");
    }

    /**
     * Creates the exception.
     * @param region the region written to
     * @param bytes the value's size
     * @param measured when the size was measured, such as "before compression"
     * @param limit the limit
     * @param setting the setting that holds the limit
     */
    public ValueTooLargeException(String region, long bytes, String measured, long limit, String setting) {
        super("value for region " + region + " is " + bytes + " bytes " + measured + "; the limit is " + limit
                + " bytes (" + setting + ")");
    }

}

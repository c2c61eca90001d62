package com.wedsync.grid.client;

/**
 * A value larger than the client's limit, after compression; it was not written.
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
        super("value for region " + region + " is " + bytes + " bytes after compression; the limit is " + limit
                + " bytes (maxValueBytes)");
    }
}

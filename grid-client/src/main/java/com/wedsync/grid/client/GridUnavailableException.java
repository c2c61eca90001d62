package com.wedsync.grid.client;

/**
 * The grid could not be reached, or did not answer within the client's timeout. The operation may be retried.
 */
public class GridUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param message what was attempted, where, and for how long
     * @param cause what Hazelcast reported
     */
    public GridUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

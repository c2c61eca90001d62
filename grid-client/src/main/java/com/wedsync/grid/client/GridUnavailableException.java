package com.wedsync.grid.client;

/**
 * The grid could not be reached, did not answer within the client's timeout, or refused a
 * write because of its split-brain protection: the member's side of a network split has
 * fewer members than its quorum (the classes the catalog marks
 * {@code split-brain-protection}, when the members have a quorum); reads still work
 * there. The operation may be retried, a refused write once the split heals.
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

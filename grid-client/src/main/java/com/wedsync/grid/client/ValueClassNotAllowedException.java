package com.wedsync.grid.client;

/**
 * A value read from the grid was Java-serialized as a class the client may not
 * deserialize (see {@link GridClientSettings#deserializationAllowList()}); it was refused
 * before any of its deserialization code ran.
 */
public class ValueClassNotAllowedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param region the region read
     * @param operation what met the value
     * @param cause Hazelcast's refusal, which names the class
     */
    public ValueClassNotAllowedException(String region, String operation, Throwable cause) {
        super("region " + region + ": " + operation + " met a value of a class the client may not deserialize ("
                + refusal(cause) + "); if the service caches it, add its class or package to deserializationAllowList"
                + " (grid.client.deserialization-allow-list)", cause);
    }

    private static String refusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SecurityException) {
                return t.getMessage();
            }
        }
        return String.valueOf(cause);
    }

}

package com.wedsync.grid.client;

/**
 * The Hazelcast on the classpath is not the one this grid-client was built and tested
 * with: another major or minor version, which build tools pick without a warning (Spring
 * Boot's dependency management manages its own). Thrown before anything connects.
 */
public class IncompatibleHazelcastException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String found;

    private final String required;

    /**
     * Creates the exception.
     * @param found the version on the classpath
     * @param required the version grid-client was built with
     * @param message the whole message, with where the jar came from and the fix
     */
    public IncompatibleHazelcastException(String found, String required, String message) {
        super(message);
        this.found = found;
        this.required = required;
    }

    /**
     * Returns the version on the classpath.
     * @return the version, such as {@code 5.5.0}
     */
    public String found() {
        return this.found;
    }

    /**
     * Returns the version grid-client was built and tested with.
     * @return the version, such as {@code 5.7.0}
     */
    public String required() {
        return this.required;
    }

}

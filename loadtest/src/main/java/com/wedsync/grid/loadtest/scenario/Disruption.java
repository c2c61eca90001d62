package com.wedsync.grid.loadtest.scenario;

/**
 * What happens to the grid during a scenario's measured phase.
 *
 * @param kind what happens
 * @param at when, as a share of the measured duration, in [0, 1)
 */
public record Disruption(Kind kind, double at) {

    /** Nothing happens. */
    public static final Disruption NONE = new Disruption(Kind.NONE, 0);

    /**
     * Validates the disruption.
     * @throws IllegalArgumentException naming the value if {@code at} is out of range
     */
    public Disruption {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(at >= 0 && at < 1)) {
            throw new IllegalArgumentException("at (" + at + ") must be in [0, 1)");
        }
    }

    /** What happens to the grid. */
    public enum Kind {

        /** Nothing. */
        NONE,
        /** A member joins. */
        SCALE_OUT,
        /** A member is killed. */
        FAILOVER

    }
}

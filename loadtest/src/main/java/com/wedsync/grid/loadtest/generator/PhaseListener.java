package com.wedsync.grid.loadtest.generator;

/**
 * Told by {@link LoadRunner}, on its sampling thread, when the measured phase starts and
 * ends.
 */
public interface PhaseListener {

    /** A listener that does nothing. */
    PhaseListener NONE = new PhaseListener() {
    };

    /** The warm-up is over: operations from now on are measured. */
    default void measuredStarted() {
    }

    /** No more operations are issued; those still in flight are awaited next. */
    default void measuredEnded() {
    }

}

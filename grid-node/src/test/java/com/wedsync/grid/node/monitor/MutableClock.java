package com.wedsync.grid.node.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /**
     * Creates a clock at an instant.
     * @param start the instant
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock on.
     * @param duration how far
     */
    public void advance(Duration duration) {
        this.now = this.now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return this.now;
    }

}

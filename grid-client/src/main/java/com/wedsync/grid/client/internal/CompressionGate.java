package com.wedsync.grid.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a region's next large value is worth an attempt at compression. Photo
 * thumbnails (JPEG) and other already-compressed bytes never shrink, and each attempt
 * costs LZ4's pass over the value (about 1.1-1.6 us per KiB here) and a copy: after
 * {@link #GIVE_UP_AFTER} attempts in a row that saved nothing, only one value in
 * {@link #PROBE_EVERY} is tried, until one compresses again. Counts may race between
 * threads; a lost update only moves when the gate closes or opens by a value.
 */
final class CompressionGate {

    /** Attempts in a row that saved nothing after which the gate closes. */
    static final int GIVE_UP_AFTER = 8;

    /** While closed, one value in this many is tried. */
    static final int PROBE_EVERY = 32;

    private final AtomicInteger failuresInARow = new AtomicInteger();

    private final AtomicInteger skipped = new AtomicInteger();

    /**
     * Returns whether to try compressing the next value.
     * @return {@code true} while values compress, and for one value in
     * {@link #PROBE_EVERY} when they don't
     */
    boolean attempt() {
        if (this.failuresInARow.get() < GIVE_UP_AFTER) {
            return true;
        }
        return this.skipped.incrementAndGet() % PROBE_EVERY == 0;
    }

    /**
     * Records an attempt's outcome.
     * @param saved whether the value got smaller
     */
    void attempted(boolean saved) {
        if (saved) {
            this.failuresInARow.set(0);
        }
        else if (this.failuresInARow.get() < GIVE_UP_AFTER) {
            this.failuresInARow.incrementAndGet();
        }
    }

}

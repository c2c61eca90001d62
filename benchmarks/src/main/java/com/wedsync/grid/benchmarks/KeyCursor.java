package com.wedsync.grid.benchmarks;

import com.wedsync.grid.config.key.WeddingKey;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each benchmark thread's walk over the fixed key set, so that threads never share a counter. */
@State(Scope.Thread)
public class KeyCursor {

    private final WeddingKey[] keys = BenchGrid.keys();

    private int next;

    /**
     * Returns the next key, cycling through all of them.
     * @return the key
     */
    public WeddingKey next() {
        return this.keys[this.next++ & (BenchGrid.KEYS - 1)];
    }
}

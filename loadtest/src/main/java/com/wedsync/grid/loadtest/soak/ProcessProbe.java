package com.wedsync.grid.loadtest.soak;

import java.util.Map;
import java.util.Set;

/**
 * One process a soak samples: the generator (the grid's client) or a member.
 */
public interface ProcessProbe {

    /**
     * Returns the process's name in {@code soak.json}, for example {@code client} or
     * {@code member-1}.
     * @return the name
     */
    String name();

    /**
     * Returns the series the process reports; the judged ones among them are judged for
     * every sample run.
     * @return the series
     */
    Set<Series> series();

    /**
     * Reads the process's figures now.
     * @return the figures known at this moment; a series the process cannot tell yet (a
     * member's heap after GC before its first collection) is left out rather than given
     * as 0
     * @throws RuntimeException if the process cannot be read; the soak then cannot be
     * judged
     */
    Map<Series, Double> read();

}

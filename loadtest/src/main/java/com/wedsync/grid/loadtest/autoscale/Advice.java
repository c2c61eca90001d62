package com.wedsync.grid.loadtest.autoscale;

import java.util.List;

/**
 * The capacity advisor's latest advice, as {@code /actuator/scaling} answers it.
 *
 * @param desired the members it asks for
 * @param reasons its reasons, in the order it weighed them
 */
public record Advice(int desired, List<String> reasons) {

    /**
     * Copies the reasons.
     */
    public Advice {
        reasons = List.copyOf(reasons);
    }

}

package com.wedsync.grid.loadtest.generator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on a run's measured operations ({@link RunSettings#maxOps()}), shared by all
 * generator threads: each takes one unit before issuing a measured operation, and stops
 * once none is left.
 */
final class OpBudget {

    private final long max;

    private final AtomicLong left;

    /**
     * Creates the budget.
     * @param max the most measured operations to issue, or 0 for no bound
     */
    OpBudget(long max) {
        this.max = max;
        this.left = new AtomicLong(max);
    }

    /**
     * Takes one operation from the budget.
     * @return {@code true} if the operation may be issued
     */
    boolean take() {
        // Read before decrementing so that threads that keep asking cannot wrap the
        // counter around.
        return this.max == 0 || (this.left.get() > 0 && this.left.getAndDecrement() > 0);
    }

    /**
     * Tells whether the run has a bound on its operations.
     * @return {@code true} unless the bound is 0
     */
    boolean bounded() {
        return this.max > 0;
    }

    /**
     * Tells whether every operation of the budget has been taken.
     * @return {@code true} once the bound has been reached; never for an unbounded budget
     */
    boolean exhausted() {
        return this.max > 0 && this.left.get() <= 0;
    }

}

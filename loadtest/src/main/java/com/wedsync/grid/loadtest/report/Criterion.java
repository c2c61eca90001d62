package com.wedsync.grid.loadtest.report;

/**
 * One pass criterion of a scenario, judged on a run: what was required, what was
 * measured, and the verdict.
 *
 * @param name what is required, for example {@code p95 <= 500 us}
 * @param measured the measured value, in the criterion's unit
 * @param pass whether the run met it
 */
public record Criterion(String name, double measured, boolean pass) {
}

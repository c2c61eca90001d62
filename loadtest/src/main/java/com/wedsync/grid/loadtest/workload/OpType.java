package com.wedsync.grid.loadtest.workload;

/**
 * What an operation does.
 */
public enum OpType {

    /** A read. */
    GET,
    /** A write. */
    PUT

}

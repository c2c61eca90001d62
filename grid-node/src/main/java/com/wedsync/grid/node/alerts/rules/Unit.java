package com.wedsync.grid.node.alerts.rules;

/**
 * The unit of a rule's metric and thresholds, written after the number in rule files and
 * overrides.
 */
public enum Unit {

    /** Milliseconds, written {@code 1.5ms}. */
    MILLISECONDS("ms"),
    /** Percent, written {@code 95%}. */
    PERCENT("%"),
    /** A count, written without a unit. */
    COUNT("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Returns the symbol written after the number.
     * @return for example {@code ms}; empty for a count
     */
    public String symbol() {
        return this.symbol;
    }

}

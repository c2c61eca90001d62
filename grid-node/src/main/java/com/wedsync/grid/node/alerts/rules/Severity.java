package com.wedsync.grid.node.alerts.rules;

import java.util.Locale;

/**
 * How bad a breached alert rule is, in rising order: compare with {@link #compareTo}.
 */
public enum Severity {

    /**
     * A notice: worth knowing, nobody need act (a change of the desired member count, a
     * rule's early sign).
     */
    INFO,
    /** Worth a look in working hours. */
    WARNING,
    /** Guests or vendors notice soon: act now. */
    CRITICAL,
    /** Data is lost or the grid is failing: wake people up. */
    EMERGENCY;

    /**
     * Returns the name as written in rule files and overrides.
     * @return for example {@code critical}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

}

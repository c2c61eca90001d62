package com.wedsync.grid.node.alerts.rules;

import java.util.Objects;

/**
 * A change of an alert, for the sinks: raised, escalated, de-escalated or cleared.
 *
 * @param kind what changed
 * @param alert the alert after the change (with its end when cleared)
 */
public record AlertEvent(Kind kind, Alert alert) {

    /** What changed. */
    public enum Kind {

        /** The rule was breached for long enough. */
        RAISED,
        /** It is now more severe. */
        ESCALATED,
        /** It is now less severe. */
        DEESCALATED,
        /** The rule was clean for long enough, or the member left. */
        CLEARED

    }

    /**
     * Validates the event.
     * @throws NullPointerException naming a missing field
     */
    public AlertEvent {
        Objects.requireNonNull(kind, "kind is missing");
        Objects.requireNonNull(alert, "alert is missing");
    }
}

package com.wedsync.grid.node.monitor;

import com.wedsync.grid.node.alerts.rules.Severity;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks one entry of the summaries' replicated map before it is aggregated. Anyone who
 * reaches a member port can put there, and one malformed summary (arrays of different
 * lengths, an alert that is not {@code rule=severity}, a negative or NaN figure) must
 * cost only itself, not every member's cluster figures.
 */
final class SummaryCheck {

    /**
     * The most maps or alerts one summary may carry; a member carries one per catalog
     * class or alert rule.
     */
    static final int MAX_ENTRIES = 256;

    private SummaryCheck() {
    }

    /**
     * Finds what is wrong with an entry.
     * @param key the entry's key, a member's UUID
     * @param value the entry's value, a {@link MemberSummary}
     * @return the first problem found, or empty when the summary may be aggregated
     */
    static Optional<String> problem(Object key, Object value) {
        if (!isUuid(key)) {
            return Optional.of("key " + quote(key) + " is not a member UUID");
        }
        if (!(value instanceof MemberSummary summary)) {
            return Optional
                .of("value is a " + ((value != null) ? value.getClass().getName() : "null") + ", not a MemberSummary");
        }
        return Optional.ofNullable(figuresProblem(summary))
            .or(() -> Optional.ofNullable(mapsProblem(summary)))
            .or(() -> Optional.ofNullable(alertsProblem(summary.worstAlerts())));
    }

    /**
     * Finds what is wrong with an entry, or with where it stands in the cluster: a
     * well-formed summary still counts only under the key of a current member and when it
     * was not taken later than {@code latestMillis}, so a forged entry can neither add a
     * member nor stay fresh for ever.
     * @param key the entry's key, a member's UUID
     * @param value the entry's value, a {@link MemberSummary}
     * @param members the UUIDs of the current members
     * @param latestMillis the latest {@code atMillis} accepted, epoch milliseconds (now
     * plus the clock skew allowed)
     * @return the first problem found, or empty when the summary may be aggregated
     */
    static Optional<String> problem(Object key, Object value, Collection<String> members, long latestMillis) {
        return problem(key, value).or(() -> Optional
            .ofNullable(clusterProblem((String) key, ((MemberSummary) value).atMillis(), members, latestMillis)));
    }

    /**
     * Quotes a value from the map for a log line ({@link Quoted#of}).
     * @param value the value
     * @return it, quoted
     */
    static String quote(Object value) {
        return Quoted.of(value);
    }

    static boolean isUuid(Object key) {
        try {
            return key instanceof String text && UUID.fromString(text).toString().equals(text);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static String clusterProblem(String key, long atMillis, Collection<String> members, long latestMillis) {
        if (!members.contains(key)) {
            return "key " + quote(key) + " is not a current member's UUID";
        }
        if (atMillis > latestMillis) {
            return "atMillis is " + atMillis + ", later than one sample interval from now";
        }
        return null;
    }

    private static String figuresProblem(MemberSummary summary) {
        if (summary.member() == null) {
            return "member is null";
        }
        if (summary.atMillis() < 0) {
            return "atMillis is " + summary.atMillis() + ", must not be negative";
        }
        if (!isFigure(summary.opsPerSecond())) {
            return "opsPerSecond is " + summary.opsPerSecond() + ", must be finite and not negative";
        }
        if (!isFigure(summary.memoryUsedShare())) {
            return "memoryUsedShare is " + summary.memoryUsedShare() + ", must be finite and not negative";
        }
        return null;
    }

    private static String mapsProblem(MemberSummary summary) {
        String[] maps = summary.maps();
        if (maps == null || summary.gets() == null || summary.hits() == null) {
            return (maps == null) ? "maps is null" : ((summary.gets() == null) ? "gets is null" : "hits is null");
        }
        if (maps.length > MAX_ENTRIES) {
            return "maps has " + maps.length + " entries, at most " + MAX_ENTRIES;
        }
        if (summary.gets().length != maps.length || summary.hits().length != maps.length) {
            return "gets has " + summary.gets().length + " and hits " + summary.hits().length + " figures for "
                    + maps.length + " maps";
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] == null || maps[i].isBlank() || !seen.add(maps[i])) {
                return "maps[" + i + "] is " + quote(maps[i]) + ", must be a name not blank or repeated";
            }
            if (summary.gets()[i] < 0 || summary.hits()[i] < 0) {
                return "gets[" + i + "] is " + summary.gets()[i] + " and hits[" + i + "] is " + summary.hits()[i]
                        + ", must not be negative";
            }
        }
        return null;
    }

    private static String alertsProblem(String[] alerts) {
        if (alerts == null) {
            return "worstAlerts is null";
        }
        if (alerts.length > MAX_ENTRIES) {
            return "worstAlerts has " + alerts.length + " entries, at most " + MAX_ENTRIES;
        }
        for (int i = 0; i < alerts.length; i++) {
            if (!isAlert(alerts[i])) {
                return "worstAlerts[" + i + "] is " + quote(alerts[i]) + ", must be rule=severity";
            }
        }
        return null;
    }

    private static boolean isAlert(String alert) {
        int equals = (alert != null) ? alert.indexOf('=') : -1;
        if (equals < 1 || alert.substring(0, equals).isBlank()) {
            return false;
        }
        String severity = alert.substring(equals + 1);
        for (Severity known : Severity.values()) {
            if (known.name().equals(severity)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFigure(double figure) {
        return Double.isFinite(figure) && figure >= 0;
    }

}

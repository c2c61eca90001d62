package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Checks one entry of the clients' replicated map before it is aggregated, as
 * {@link SummaryCheck} checks the members': anyone who reaches a member port can put
 * there, and one malformed summary must cost only itself. A summary counts only when it
 * is keyed by the UUID it names, its classes are the catalog's (each once), its arrays
 * are one figure per class, no count is negative, it was not taken in the future, and
 * each latency histogram decodes within {@link ClientLatency}'s bounds.
 */
final class ClientSummaryCheck {

    private ClientSummaryCheck() {
    }

    /**
     * Reads an entry: its histograms when it is well-formed, or its first problem.
     * @param key the entry's key, a client's UUID
     * @param value the entry's value, a {@link ClientSummary}
     * @param classes the catalog's class ids
     * @param latestMillis the latest {@code atMillis} accepted (now plus the clock skew
     * allowed)
     * @return the entry's latency histograms per class, or the problem
     */
    static Checked check(Object key, Object value, Set<String> classes, long latestMillis) {
        if (!SummaryCheck.isUuid(key)) {
            return problem("key " + Quoted.of(key) + " is not a client UUID");
        }
        if (!(value instanceof ClientSummary summary)) {
            return problem(
                    "value is a " + ((value != null) ? value.getClass().getName() : "null") + ", not a ClientSummary");
        }
        String problem = Optional.ofNullable(headerProblem((String) key, summary, latestMillis))
            .or(() -> Optional.ofNullable(classesProblem(summary.classes(), classes)))
            .or(() -> Optional.ofNullable(countsProblem(summary)))
            .orElse(null);
        return (problem != null) ? problem(problem) : histograms(summary);
    }

    private static String headerProblem(String key, ClientSummary summary, long latestMillis) {
        if (!key.equals(summary.client())) {
            return "client is " + Quoted.of(summary.client()) + ", not its key";
        }
        if (summary.atMillis() < 0 || summary.atMillis() > latestMillis) {
            return "atMillis is " + summary.atMillis() + ", negative or later than one sample interval from now";
        }
        if (summary.intervalMillis() <= 0) {
            return "intervalMillis is " + summary.intervalMillis() + ", must be positive";
        }
        return null;
    }

    private static String classesProblem(String[] names, Set<String> classes) {
        if (names == null) {
            return "classes is null";
        }
        if (names.length > classes.size()) {
            return "classes has " + names.length + " entries, the catalog " + classes.size();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            if (!classes.contains(names[i]) || !seen.add(names[i])) {
                return "classes[" + i + "] is " + Quoted.of(names[i]) + ", must be a catalog class not repeated";
            }
        }
        return null;
    }

    private static String countsProblem(ClientSummary summary) {
        int n = summary.classes().length;
        long[][] counts = { summary.l1Hits(), summary.l2Hits(), summary.misses(), summary.writes(), summary.errors(),
                summary.timeouts() };
        String[] names = { "l1Hits", "l2Hits", "misses", "writes", "errors", "timeouts" };
        for (int f = 0; f < counts.length; f++) {
            if (counts[f] == null || counts[f].length != n) {
                return names[f] + " has " + ((counts[f] != null) ? counts[f].length : "no") + " figures for " + n
                        + " classes";
            }
            for (int i = 0; i < n; i++) {
                if (counts[f][i] < 0) {
                    return names[f] + "[" + i + "] is " + counts[f][i] + ", must not be negative";
                }
            }
        }
        int[] lengths = summary.latencyLengths();
        if (lengths == null || lengths.length != n || summary.latencies() == null) {
            return "latencyLengths has " + ((lengths != null) ? lengths.length : "no") + " figures for " + n
                    + " classes, or latencies is null";
        }
        if (Arrays.stream(lengths).anyMatch((length) -> length < 0 || length > ClientLatency.MAX_ENCODED_BYTES)
                || Arrays.stream(lengths).asLongStream().sum() != summary.latencies().length) {
            return "latencyLengths " + Quoted.of(Arrays.toString(lengths)) + " do not divide the "
                    + summary.latencies().length + " bytes of latencies into histograms of at most "
                    + ClientLatency.MAX_ENCODED_BYTES + " bytes";
        }
        return null;
    }

    private static Checked histograms(ClientSummary summary) {
        Histogram[] histograms = new Histogram[summary.classes().length];
        int offset = 0;
        for (int i = 0; i < histograms.length; i++) {
            int length = summary.latencyLengths()[i];
            try {
                histograms[i] = ClientLatency.decode(Arrays.copyOfRange(summary.latencies(), offset, offset + length));
            }
            catch (IllegalArgumentException ex) {
                return problem("latencies of " + summary.classes()[i] + ": " + ex.getMessage());
            }
            offset += length;
        }
        return new Checked(null, histograms);
    }

    private static Checked problem(String problem) {
        return new Checked(problem, null);
    }

    /**
     * An entry read: its problem, or its histograms.
     *
     * @param problem what is wrong, or {@code null}
     * @param histograms the latency histogram of each class when nothing is
     */
    record Checked(String problem, Histogram[] histograms) {

        boolean ok() {
            return this.problem == null;
        }

    }

}

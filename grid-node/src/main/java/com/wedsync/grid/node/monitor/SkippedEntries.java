package com.wedsync.grid.node.monitor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Reports the entries of a shared map that one read skipped: one WARN per key and problem
 * (not one per read), at most {@value #REPORTS_PER_READ} new ones per read (the others
 * are reported by the next reads), and forgets the keys no longer skipped. One read at a
 * time: {@link #begin}, {@link #skip} per entry, {@link #end}.
 */
final class SkippedEntries {

    /**
     * The most new malformed entries one read reports; the others are reported by the
     * next reads.
     */
    static final int REPORTS_PER_READ = 8;

    private final Logger logger;

    private final String event;

    private final String claimedField;

    /** The problem last reported per skipped key. */
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    private Set<String> skipped = new HashSet<>();

    private int reports;

    /**
     * Creates the reporter.
     * @param logger where the WARNs go
     * @param event the {@code event=} of the lines
     * @param claimedField the name of the field that tells who the entry claims to be
     * from
     */
    SkippedEntries(Logger logger, String event, String claimedField) {
        this.logger = logger;
        this.event = event;
        this.claimedField = claimedField;
    }

    /** Starts a read of the map. */
    void begin() {
        this.skipped = new HashSet<>();
        this.reports = 0;
    }

    /**
     * Skips one entry, reporting it unless its problem was reported already.
     * @param member the address of the member reading
     * @param key the entry's key, {@link Quoted quoted}
     * @param claimed who the entry claims to be from, quoted, or {@code none}
     * @param problem what is wrong
     */
    void skip(Object member, String key, String claimed, String problem) {
        this.skipped.add(key);
        if (!problem.equals(this.reported.get(key)) && this.reports++ < REPORTS_PER_READ) {
            this.reported.put(key, problem);
            this.logger.warn("event={} member={} key={} {}={} problem={}", this.event, member, key, this.claimedField,
                    claimed, problem);
        }
    }

    /** Ends a read: the keys it did not skip are reported afresh if skipped again. */
    void end() {
        this.reported.keySet().retainAll(this.skipped);
    }

}

package com.wedsync.grid.node.alerts.rules;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns samples into alerts, per rule and member, so that one bad sample raises nothing
 * and one good sample clears nothing. With N = {@code raise-after} and M =
 * {@code clear-after} of the rule:
 * <ul>
 * <li>raised after N breaching samples in a row, at the highest severity all N
 * breached;</li>
 * <li>escalated when the last N samples all breach a higher severity;</li>
 * <li>de-escalated when the last M samples all stay below its severity, to the highest
 * they breached;</li>
 * <li>cleared after M clean samples in a row.</li>
 * </ul>
 * Pure: time comes only from the samples' instants. A {@code NaN} value is no sample (a
 * figure that cannot be known, such as a hit rate without reads): it neither breaches nor
 * counts as clean. Thread-safe.
 */
public final class Hysteresis {

    private final AlertRules rules;

    private final Map<Key, Track> tracks = new HashMap<>();

    /**
     * Creates an evaluator with no samples.
     * @param rules the rules samples are evaluated against
     */
    public Hysteresis(AlertRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules are missing");
    }

    /**
     * Takes one sample of a rule's metric on a member.
     * @param ruleId the rule's id
     * @param member the member, or {@code cluster} for an aggregated figure
     * @param value the sampled value, in the rule's unit
     * @param at when it was sampled
     * @return the change of the alert this sample caused, if any
     * @throws IllegalArgumentException if the rule is unknown or {@code at} is before the
     * previous sample
     */
    public synchronized Optional<AlertEvent> sample(String ruleId, String member, double value, Instant at) {
        AlertRule rule = this.rules.rule(ruleId);
        Objects.requireNonNull(member, "member is missing");
        Objects.requireNonNull(at, "at is missing");
        Track track = this.tracks.computeIfAbsent(new Key(ruleId, member), (key) -> new Track(rule));
        if (track.last != null && at.isBefore(track.last)) {
            throw new IllegalArgumentException("at (" + at + ") is before the previous sample of " + ruleId + " on "
                    + member + " (" + track.last + ")");
        }
        track.last = at;
        if (Double.isNaN(value)) {
            return Optional.empty();
        }
        track.push(rule.breached(value).map((severity) -> severity.ordinal() + 1).orElse(0));
        return track.evaluate(member, value, at);
    }

    /**
     * Clears the alerts of a member that left the cluster and forgets its samples.
     * @param member the member
     * @param at when it left
     * @return a {@link AlertEvent.Kind#CLEARED} event for each of its active alerts
     */
    public synchronized List<AlertEvent> forget(String member, Instant at) {
        Objects.requireNonNull(at, "at is missing");
        return release(member).stream()
            .map((alert) -> new AlertEvent(AlertEvent.Kind.CLEARED, ended(alert, alert.value(), at)))
            .toList();
    }

    /**
     * Takes over an alert another evaluator raised (one that stopped evaluating its
     * rule), so that it keeps its id and start and clears here after {@code clear-after}
     * clean samples, or escalates after {@code raise-after} breaching ones. Nothing is
     * taken over where this evaluator has an active alert of the same rule and member.
     * @param alert the active alert
     * @return {@code true} if it was taken over
     * @throws IllegalArgumentException if its rule is unknown or it has ended
     */
    public synchronized boolean adopt(Alert alert) {
        AlertRule rule = this.rules.rule(alert.rule());
        if (!alert.isActive()) {
            throw new IllegalArgumentException("alert " + alert.id() + " has ended (" + alert.end() + ")");
        }
        Track track = this.tracks.computeIfAbsent(new Key(rule.id(), alert.member()), (key) -> new Track(rule));
        if (track.active != null) {
            return false;
        }
        track.active = alert;
        return true;
    }

    /**
     * Stops evaluating a member's alerts without clearing them, for another evaluator to
     * {@link #adopt} them.
     * @param member the member, or {@code cluster}
     * @return its alerts that were active
     */
    public synchronized List<Alert> release(String member) {
        List<Alert> released = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Track>> it = this.tracks.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Key, Track> entry = it.next();
            if (entry.getKey().member().equals(member)) {
                if (entry.getValue().active != null) {
                    released.add(entry.getValue().active);
                }
                it.remove();
            }
        }
        return released;
    }

    /**
     * Returns the active alerts.
     * @return them, most severe first, then oldest first
     */
    public synchronized List<Alert> active() {
        return this.tracks.values()
            .stream()
            .map((track) -> track.active)
            .filter(Objects::nonNull)
            .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::start))
            .toList();
    }

    private static Alert ended(Alert alert, double value, Instant at) {
        Instant end = at.isBefore(alert.start()) ? alert.start() : at;
        return new Alert(alert.id(), alert.rule(), alert.severity(), alert.member(), value, alert.threshold(),
                alert.start(), end);
    }

    private record Key(String rule, String member) {
    }

    /**
     * The recent samples of one rule on one member, as levels: 0 clean, 1 warning, 2
     * critical, 3 emergency.
     */
    private static final class Track {

        private final AlertRule rule;

        private final Deque<Integer> levels = new ArrayDeque<>();

        private Instant last;

        private Alert active;

        Track(AlertRule rule) {
            this.rule = rule;
        }

        void push(int level) {
            this.levels.addLast(level);
            if (this.levels.size() > Math.max(this.rule.raiseAfter(), this.rule.clearAfter())) {
                this.levels.removeFirst();
            }
        }

        Optional<AlertEvent> evaluate(String member, double value, Instant at) {
            int sustained = lowestOfLast(this.rule.raiseAfter());
            if (this.active == null) {
                return (sustained > 0) ? change(AlertEvent.Kind.RAISED, member, sustained, value, at)
                        : Optional.empty();
            }
            int current = this.active.severity().ordinal() + 1;
            if (sustained > current) {
                return change(AlertEvent.Kind.ESCALATED, member, sustained, value, at);
            }
            int recent = highestOfLast(this.rule.clearAfter());
            if (recent == 0) {
                Alert cleared = ended(this.active, value, at);
                this.active = null;
                return Optional.of(new AlertEvent(AlertEvent.Kind.CLEARED, cleared));
            }
            return (recent < current) ? change(AlertEvent.Kind.DEESCALATED, member, recent, value, at)
                    : Optional.empty();
        }

        private Optional<AlertEvent> change(AlertEvent.Kind kind, String member, int level, double value, Instant at) {
            Severity severity = Severity.values()[level - 1];
            Instant start = (this.active != null) ? this.active.start() : at;
            String id = this.rule.id() + "/" + member + "/" + start.toEpochMilli();
            this.active = new Alert(id, this.rule.id(), severity, member, value, this.rule.threshold(severity), start,
                    null);
            return Optional.of(new AlertEvent(kind, this.active));
        }

        /**
         * The lowest level of the last n samples: what all of them breached; 0 with fewer
         * than n samples.
         */
        private int lowestOfLast(int n) {
            return (this.levels.size() < n) ? 0 : last(n).stream().mapToInt(Integer::intValue).min().orElse(0);
        }

        /**
         * The highest level of the last n samples; above any level with fewer than n
         * samples.
         */
        private int highestOfLast(int n) {
            return (this.levels.size() < n) ? Integer.MAX_VALUE
                    : last(n).stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        private List<Integer> last(int n) {
            List<Integer> all = new ArrayList<>(this.levels);
            return all.subList(all.size() - n, all.size());
        }

    }

}

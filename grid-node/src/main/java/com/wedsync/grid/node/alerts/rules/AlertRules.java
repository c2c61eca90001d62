package com.wedsync.grid.node.alerts.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The alert rules the grid evaluates, each id once. The shipped ones are in
 * {@code wedsync/alerts.yml} ({@link AlertRulesLoader}); their ids are part of the
 * operations contract.
 *
 * @param rules the rules, in the order they were given
 */
public record AlertRules(List<AlertRule> rules) {

    /** Operation latency on a member, in milliseconds. */
    public static final String LATENCY = "latency";

    /** Hit rate of the grid, in percent. */
    public static final String HIT_RATE = "hit_rate";

    /**
     * Memory used on a member: its fullest map's owned and backup memory against that
     * map's budget, in percent.
     */
    public static final String MEMORY = "memory";

    /** Operations per second on a Saturday against the baseline, in percent. */
    public static final String SATURDAY_OPS = "saturday_ops";

    /** Hit rate of vendor responses, in percent. */
    public static final String VENDOR_HIT_RATE = "vendor_hit_rate";

    /** Wedding data retained under memory pressure, in percent. */
    public static final String WEDDING_RETENTION = "wedding_retention";

    /** Partitions lost since the last sample. */
    public static final String PARTITION_LOST = "partition_lost";

    /** Members that left since the last sample. */
    public static final String MEMBER_LEFT = "member_left";

    /**
     * Validates the rules.
     * @throws IllegalArgumentException naming an id given twice
     */
    public AlertRules {
        Objects.requireNonNull(rules, "rules are missing");
        Map<String, AlertRule> byId = new LinkedHashMap<>();
        for (AlertRule rule : rules) {
            if (byId.putIfAbsent(Objects.requireNonNull(rule, "a rule is null").id(), rule) != null) {
                throw new IllegalArgumentException("rule id '" + rule.id() + "' is given twice");
            }
        }
        rules = List.copyOf(rules);
    }

    /**
     * Finds a rule by id.
     * @param id the rule's id
     * @return the rule
     * @throws IllegalArgumentException naming the id and the known ones if there is no
     * such rule
     */
    public AlertRule rule(String id) {
        for (AlertRule rule : this.rules) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("no alert rule '" + id + "' (known: " + String.join(", ", ids()) + ")");
    }

    /**
     * Returns the ids of the rules.
     * @return the ids, in order
     */
    public List<String> ids() {
        return this.rules.stream().map(AlertRule::id).toList();
    }
}

package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.AlertRule;
import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.Hysteresis;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.config.calendar.Cause;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.node.monitor.ClientClassFigures;
import com.wedsync.grid.node.monitor.ClientFigures;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.LocalAlerts;
import com.wedsync.grid.node.monitor.MapSample;
import com.wedsync.grid.node.monitor.MemberSample;
import com.wedsync.grid.node.monitor.Quoted;
import com.wedsync.grid.node.monitor.SampleListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds each sample into the rules' hysteresis and hands the resulting alert changes to
 * the dispatcher. Each rule reads the figure its {@code metric} names. Member figures
 * ({@code memory_used_percent}, {@code wedding_data_retention_percent}) are evaluated by
 * every member for itself; cluster figures only by the oldest member, so each is raised
 * once, with member {@code cluster}: what the clients saw (their p95 read latency through
 * L1 and L2, their hit rate of reads per data class, with member {@code cluster/<class>},
 * and their ops/s on Saturdays), partitions lost, and members left (with the address of
 * the member that left). With no client reporting, the clients' figures are unknown:
 * those rules neither raise nor clear. The oldest member leaves its cluster alerts in an
 * {@link AlertHandover} every sample; the member that is oldest after it takes them over,
 * so they keep their ids and clear (or escalate) there, and a member that stops being the
 * oldest stops tracking them. Runs on the monitor's thread.
 */
public final class AlertEvaluator implements SampleListener, LocalAlerts {

    /** The member of alerts on figures aggregated over the cluster. */
    public static final String CLUSTER = "cluster";

    /**
     * The member of alerts on one data class over the cluster:
     * {@code cluster/<class id>}.
     */
    public static final String CLUSTER_CLASS = CLUSTER + "/";

    /** The most departed members tracked until their alert clears. */
    static final int MAX_DEPARTED = 1000;

    private static final Logger logger = LoggerFactory.getLogger(AlertEvaluator.class);

    /** The metrics every member judges for itself; the others are the cluster's. */
    private static final Set<String> MEMBER_METRICS = Set.of("memory_used_percent", "wedding_data_retention_percent");

    private static final Set<String> METRICS = Set.of("client_latency_p95_ms", "memory_used_percent",
            "wedding_data_retention_percent", "client_hit_rate_percent", "client_vendor_responses_hit_rate_percent",
            "saturday_ops_baseline_percent", "partitions_lost", "members_left");

    private final AlertRules rules;

    private final String weddingMap;

    /** The ids of the data classes, in catalog order. */
    private final List<String> classes;

    private final Hysteresis hysteresis;

    private final AlertDispatcher dispatcher;

    private final BooleanSupplier coordinates;

    private final Supplier<TrafficCalendar> calendar;

    private final EvaluatorSettings settings;

    private final AlertHandover handover;

    private final Set<String> departed = new LinkedHashSet<>();

    private long weddingEvictions;

    private boolean coordinating;

    /**
     * Creates the evaluator.
     * @param rules the rules
     * @param catalog the data classes, for the names of the wedding and vendor maps
     * @param dispatcher where alert changes go
     * @param coordinates tells whether this member evaluates the cluster's figures
     * @param calendar supplies the traffic calendar (with the declared weddings), for
     * Saturdays and their expected load
     * @param settings the time zone, the Saturday baseline and the fewest operations
     * judged
     * @param handover where the oldest member leaves its cluster alerts for the next
     * oldest
     */
    AlertEvaluator(AlertRules rules, Catalog catalog, AlertDispatcher dispatcher, BooleanSupplier coordinates,
            Supplier<TrafficCalendar> calendar, EvaluatorSettings settings, AlertHandover handover) {
        this.rules = rules;
        this.weddingMap = catalog.policy(DataClass.WEDDING_DATA).mapName();
        this.classes = catalog.policies().stream().map((policy) -> policy.dataClass().id()).toList();
        this.hysteresis = new Hysteresis(rules);
        this.dispatcher = dispatcher;
        this.coordinates = coordinates;
        this.calendar = calendar;
        this.settings = settings;
        this.handover = handover;
        for (AlertRule rule : rules.rules()) {
            if (!METRICS.contains(rule.metric())) {
                logger.warn("event=alert_rule_unsampled rule={} metric={} known={}", rule.id(), rule.metric(), METRICS);
            }
        }
    }

    @Override
    public void onSample(MemberSample sample, ClusterFigures cluster) {
        boolean coordinating = this.coordinates.getAsBoolean();
        handOver(coordinating);
        MapSample wedding = sample.map(this.weddingMap);
        this.weddingEvictions += wedding.evictions();
        for (AlertRule rule : this.rules.rules()) {
            switch (rule.metric()) {
                case "memory_used_percent" -> take(rule, sample.member(), 100 * sample.memoryUsedShare(), sample.at());
                case "wedding_data_retention_percent" ->
                    take(rule, sample.member(), retentionPercent(wedding.ownedEntries()), sample.at());
                default -> {
                    if (coordinating) {
                        cluster(rule, sample, cluster);
                    }
                }
            }
        }
        if (coordinating) {
            leaveClusterAlerts();
        }
    }

    /**
     * Takes over the cluster alerts a previous oldest member left while this member is
     * the oldest (on becoming the oldest, also those it left itself earlier that nobody
     * took over), and stops tracking its own once it is not (the next oldest takes them
     * over).
     */
    private void handOver(boolean coordinating) {
        if (coordinating) {
            for (Alert alert : this.handover.takeOver(!this.coordinating)) {
                if (!isClusterRule(alert.rule())) {
                    logger.warn("event=alert_handover_skipped alert={} problem=rule is no cluster rule here",
                            Quoted.of(alert.id()));
                }
                else if (this.hysteresis.adopt(alert) && !alert.member().equals(CLUSTER)
                        && !alert.member().startsWith(CLUSTER_CLASS)) {
                    depart(alert.member());
                }
            }
        }
        else if (this.coordinating) {
            this.hysteresis.release(CLUSTER);
            this.classes.forEach((id) -> this.hysteresis.release(CLUSTER_CLASS + id));
            this.departed.forEach(this.hysteresis::release);
            this.departed.clear();
        }
        this.coordinating = coordinating;
    }

    /**
     * Tracks a member that left until its alert clears; the longest-tracked goes first
     * past the bound.
     */
    private void depart(String member) {
        if (this.departed.size() >= MAX_DEPARTED) {
            this.departed.remove(this.departed.iterator().next());
        }
        this.departed.add(member);
    }

    /**
     * Leaves the cluster alerts for the next oldest member, whenever they may have
     * changed.
     */
    private void leaveClusterAlerts() {
        this.handover.leave(active().stream().filter((alert) -> isClusterRule(alert.rule())).toList());
    }

    private boolean isClusterRule(String id) {
        return this.rules.ids().contains(id) && !MEMBER_METRICS.contains(this.rules.rule(id).metric());
    }

    /**
     * Raises the member-left alert of a member that left, at once rather than at the next
     * sample; later samples count as clean for it until the alert clears. Only the oldest
     * member does this.
     * @param member the address of the member that left
     * @param at when it left
     */
    public void memberLeft(String member, Instant at) {
        if (!this.coordinates.getAsBoolean()) {
            return;
        }
        depart(member);
        for (AlertRule rule : this.rules.rules()) {
            if (rule.metric().equals("members_left")) {
                take(rule, member, 1, at);
            }
        }
        leaveClusterAlerts();
    }

    /**
     * Returns the active alerts.
     * @return them, most severe first
     */
    public List<Alert> active() {
        return this.hysteresis.active();
    }

    /**
     * Counts the active alerts of one rule and severity.
     * @param rule the rule's id
     * @param severity the severity
     * @return the count
     */
    public long activeCount(String rule, Severity severity) {
        return active().stream().filter((a) -> a.rule().equals(rule) && a.severity() == severity).count();
    }

    @Override
    public Map<String, Severity> worst() {
        Map<String, Severity> worst = new HashMap<>();
        for (Alert alert : active()) {
            worst.merge(alert.rule(), alert.severity(), (a, b) -> (a.compareTo(b) >= 0) ? a : b);
        }
        return worst;
    }

    private void cluster(AlertRule rule, MemberSample sample, ClusterFigures cluster) {
        Instant at = sample.at();
        ClientFigures clients = cluster.clients();
        switch (rule.metric()) {
            case "client_latency_p95_ms" ->
                take(rule, CLUSTER, judged(clients.all().reads(), clients.all().p95Ms()), at);
            case "client_hit_rate_percent" -> {
                for (String id : this.classes) {
                    hitRate(rule, id, clients.of(id), at);
                }
            }
            case "client_vendor_responses_hit_rate_percent" ->
                hitRate(rule, DataClass.VENDOR_RESPONSES.id(), clients.of(DataClass.VENDOR_RESPONSES.id()), at);
            case "saturday_ops_baseline_percent" -> take(rule, CLUSTER, saturdayPercent(cluster, at), at);
            case "partitions_lost" -> take(rule, CLUSTER, sample.partitionsLost(), at);
            case "members_left" -> {
                for (String member : List.copyOf(this.departed)) {
                    Optional<AlertEvent> event = take(rule, member, 0, at);
                    if (event.filter((e) -> e.kind() == AlertEvent.Kind.CLEARED).isPresent()) {
                        this.departed.remove(member);
                    }
                }
            }
            default -> {
                // Unknown metrics were reported when the evaluator was made.
            }
        }
    }

    /** Judges the clients' hit rate of reads of one class, as {@code cluster/<class>}. */
    private void hitRate(AlertRule rule, String dataClass, ClientClassFigures figures, Instant at) {
        take(rule, CLUSTER_CLASS + dataClass, judged(figures.reads(), 100 * figures.hitRatio()), at);
    }

    private double saturdayPercent(ClusterFigures cluster, Instant at) {
        if (!this.calendar.get().at(at, this.settings.zone()).has(Cause.SATURDAY)) {
            return Double.NaN;
        }
        double expected = this.settings.saturdayBaseline().expectedOpsPerSecond(at);
        return (expected > 0) ? 100 * cluster.clientOpsPerSecond() / expected : Double.NaN;
    }

    /**
     * A mean or a ratio over too few operations is no sample ({@code NaN}): it neither
     * raises nor clears.
     */
    private double judged(long operations, double value) {
        return (operations < this.settings.minOperations()) ? Double.NaN : value;
    }

    /**
     * Wedding data still held against what was held and evicted since the node started,
     * on this member.
     */
    private double retentionPercent(long ownedEntries) {
        long ever = ownedEntries + this.weddingEvictions;
        return (ever == 0) ? Double.NaN : 100.0 * ownedEntries / ever;
    }

    private Optional<AlertEvent> take(AlertRule rule, String member, double value, Instant at) {
        Optional<AlertEvent> event = this.hysteresis.sample(rule.id(), member, value, at);
        event.ifPresent(this.dispatcher::publish);
        return event;
    }

}

package com.wedsync.grid.node.alerts;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.ClusterSamples;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/alerts}: this member's active alerts and its recent alert changes.
 * Protected by the admin token.
 */
@Endpoint(id = "alerts")
public class AlertsEndpoint {

    private final HazelcastInstance instance;

    private final AlertEvaluator evaluator;

    private final AlertDispatcher dispatcher;

    private final ClusterSamples cluster;

    private final Clock clock;

    /**
     * Creates the endpoint.
     * @param instance the local member
     * @param evaluator the active alerts
     * @param dispatcher the history
     * @param cluster tells whether this member evaluates the cluster-wide rules, and the
     * others' alerts
     * @param clock judges which members' summaries are fresh
     */
    public AlertsEndpoint(HazelcastInstance instance, AlertEvaluator evaluator, AlertDispatcher dispatcher,
            ClusterSamples cluster, Clock clock) {
        this.instance = instance;
        this.evaluator = evaluator;
        this.dispatcher = dispatcher;
        this.cluster = cluster;
        this.clock = clock;
    }

    /**
     * Reads the alerts.
     * @return the view
     */
    @ReadOperation
    public AlertsView alerts() {
        var address = this.instance.getCluster().getLocalMember().getAddress();
        return new AlertsView(address.getHost() + ":" + address.getPort(), this.cluster.coordinates(),
                this.evaluator.active().stream().map(AlertsView.AlertView::of).toList(), clusterWorst(),
                this.dispatcher.history()
                    .stream()
                    .map((e) -> new AlertsView.Change(e.kind().name().toLowerCase(Locale.ROOT),
                            AlertsView.AlertView.of(e.alert())))
                    .toList(),
                this.dispatcher.notices().stream().map(AlertsView.Notice::of).toList());
    }

    /**
     * The members' worst alerts from their shared summaries, with this member's own as of
     * now.
     */
    private Map<String, String> clusterWorst() {
        Map<String, Severity> worst = new HashMap<>(this.evaluator.worst());
        ClusterFigures figures = this.cluster.aggregate(this.clock.instant());
        figures.worstAlerts()
            .forEach((rule, severity) -> worst.merge(rule, severity, (a, b) -> (a.compareTo(b) >= 0) ? a : b));
        Map<String, String> view = new TreeMap<>();
        worst.forEach((rule, severity) -> view.put(rule, severity.id()));
        return view;
    }

}

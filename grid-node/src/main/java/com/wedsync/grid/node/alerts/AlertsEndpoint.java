package com.wedsync.grid.node.alerts;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.node.monitor.ClusterSamples;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/alerts}: this member's active alerts and its recent alert changes. Protected by the admin
 * token.
 */
@Endpoint(id = "alerts")
public class AlertsEndpoint {

    private final HazelcastInstance instance;

    private final AlertEvaluator evaluator;

    private final AlertDispatcher dispatcher;

    private final ClusterSamples cluster;

    /**
     * Creates the endpoint.
     * @param instance the local member
     * @param evaluator the active alerts
     * @param dispatcher the history
     * @param cluster tells whether this member evaluates the cluster-wide rules
     */
    public AlertsEndpoint(HazelcastInstance instance, AlertEvaluator evaluator, AlertDispatcher dispatcher,
            ClusterSamples cluster) {
        this.instance = instance;
        this.evaluator = evaluator;
        this.dispatcher = dispatcher;
        this.cluster = cluster;
    }

    /**
     * Reads the alerts.
     * @return the view
     */
    @ReadOperation
    public AlertsView alerts() {
        var address = this.instance.getCluster().getLocalMember().getAddress();
        return new AlertsView(address.getHost() + ":" + address.getPort(), this.cluster.coordinates(),
                this.evaluator.active(),
                this.dispatcher.history()
                    .stream()
                    .map((e) -> new AlertsView.Change(e.kind().name().toLowerCase(Locale.ROOT), e.alert()))
                    .toList());
    }
}

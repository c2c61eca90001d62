package com.wedsync.grid.node.alerts;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.monitor.Quoted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each coordinating member's cluster-wide alerts in one replicated map, under its
 * UUID, until a later coordinator takes them over and removes them. Every member reads
 * its local replica; the coordinator writes once a sample while it holds alerts. An entry
 * of the wrong shape is logged at WARN and removed.
 */
final class ReplicatedAlertHandover implements AlertHandover {

    /** The replicated map of the coordinators' alerts. */
    static final String MAP = "grid_monitor_alerts";

    private static final Logger logger = LoggerFactory.getLogger(ReplicatedAlertHandover.class);

    private final HazelcastInstance instance;

    private boolean left;

    ReplicatedAlertHandover(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public List<Alert> takeOver(boolean includingOwn) {
        String self = local().getUuid().toString();
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : map().entrySet()) {
            if (!includingOwn && self.equals(entry.getKey())) {
                continue;
            }
            try {
                if (!(entry.getValue() instanceof HandedOverAlerts handed)) {
                    throw new IllegalArgumentException(
                            "value is a " + entry.getValue().getClass().getName() + ", not HandedOverAlerts");
                }
                List<Alert> taken = handed.alerts();
                alerts.addAll(taken);
                logger.info("event=alerts_taken_over member={} from={} alerts={}", address(local()),
                        Quoted.of(handed.member()), taken.size());
            }
            catch (RuntimeException ex) {
                logger.warn("event=alert_handover_skipped member={} key={} problem={}", address(local()),
                        Quoted.of(entry.getKey()), Quoted.of(ex.getMessage()));
            }
            map().remove(entry.getKey());
            if (self.equals(entry.getKey())) {
                this.left = false;
            }
        }
        return alerts;
    }

    @Override
    public void leave(List<Alert> alerts) {
        String self = local().getUuid().toString();
        if (!alerts.isEmpty()) {
            map().put(self, HandedOverAlerts.of(address(local()), alerts));
            this.left = true;
        }
        else if (this.left) {
            map().remove(self);
            this.left = false;
        }
    }

    private Member local() {
        return this.instance.getCluster().getLocalMember();
    }

    private ReplicatedMap<Object, Object> map() {
        return this.instance.getReplicatedMap(MAP);
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

}

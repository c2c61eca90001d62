package com.wedsync.grid.node.scaling;

import com.wedsync.grid.node.alerts.AlertDispatcher;
import com.wedsync.grid.node.alerts.ScalingChange;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.node.capacity.CapacityAdvisor;
import com.wedsync.grid.node.capacity.ClusterSnapshot;
import com.wedsync.grid.node.capacity.ScaleInStabilizer;
import com.wedsync.grid.node.capacity.ScalingAdvice;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.LocalAlerts;
import com.wedsync.grid.node.monitor.MemberSample;
import com.wedsync.grid.node.monitor.MembershipReaction;
import com.wedsync.grid.node.monitor.SampleListener;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Asks the capacity advisor for the desired member count after every sample and at once
 * when membership changes, from the cluster's load averaged over the load window, the
 * fullest member's memory, the worst active alerts and whether the cluster is safe; a
 * lower count passes only once it has been advised for the scale-in stabilisation window
 * ({@link ScaleInStabilizer}). A change of the count is sent to the alert sinks by the
 * oldest member only. Runs on the monitor's thread; the latest advice is read by the
 * gauge and the endpoint.
 */
public final class ScalingEvaluator implements SampleListener, MembershipReaction {

    private final CapacityAdvisor advisor;

    private final ScalingProperties properties;

    private final ZoneId zone;

    private final IntSupplier members;

    private final AlertDispatcher dispatcher;

    private final LocalAlerts localAlerts;

    private final BooleanSupplier coordinates;

    private final BooleanSupplier clusterSafe;

    private final ArrayDeque<Load> loads = new ArrayDeque<>();

    private final ScaleInStabilizer stabilizer;

    private ClusterFigures lastFigures;

    private volatile Evaluation latest;

    /**
     * Creates the evaluator.
     * @param advisor the advisor
     * @param properties the capacity and window settings
     * @param zone the time zone of the traffic calendar
     * @param members the members the local member sees now; 0 once it has stopped
     * @param dispatcher where changes of the count go
     * @param localAlerts this member's active alerts (the others' arrive with the cluster
     * figures)
     * @param coordinates tells whether this member sends the changes
     * @param clusterSafe tells whether the partitions are safe and no migration is under
     * way; it must answer in bounded time, so not Hazelcast's {@code isClusterSafe()}:
     * that sends every member an operation that holds one of its two generic operation
     * threads up to 10 s while a member is frozen, and with every member evaluating, the
     * new master's partition-table work waited behind them (FrozenMemberIT, master
     * frozen)
     */
    public ScalingEvaluator(CapacityAdvisor advisor, ScalingProperties properties, ZoneId zone, IntSupplier members,
            AlertDispatcher dispatcher, LocalAlerts localAlerts, BooleanSupplier coordinates,
            BooleanSupplier clusterSafe) {
        this.advisor = advisor;
        this.properties = properties;
        this.zone = zone;
        this.members = members;
        this.dispatcher = dispatcher;
        this.localAlerts = localAlerts;
        this.coordinates = coordinates;
        this.clusterSafe = clusterSafe;
        this.stabilizer = new ScaleInStabilizer(properties.scaleInStabilization());
    }

    @Override
    public void onSample(MemberSample sample, ClusterFigures cluster) {
        this.lastFigures = cluster;
        this.loads.addLast(new Load(sample.at(), cluster.opsPerSecond()));
        Instant oldest = sample.at().minus(this.properties.loadWindow());
        while (this.loads.peekFirst() != null && this.loads.peekFirst().at().isBefore(oldest)) {
            this.loads.removeFirst();
        }
        evaluate(sample.at(), Math.max(cluster.maxMemoryUsedShare(), sample.memoryUsedShare()));
    }

    @Override
    public void membershipChanged(String member, boolean joined, int members, Instant at) {
        double memory = (this.lastFigures != null) ? this.lastFigures.maxMemoryUsedShare() : 0;
        evaluate(at, memory);
    }

    /**
     * Returns the latest advice.
     * @return it, or {@code null} before the first evaluation
     */
    public Evaluation latest() {
        return this.latest;
    }

    private void evaluate(Instant at, double memoryShare) {
        int members = this.members.getAsInt();
        if (members < 1) {
            return;
        }
        double load = this.loads.stream().mapToDouble(Load::opsPerSecond).average().orElse(0);
        ClusterSnapshot snapshot = new ClusterSnapshot(at.atZone(this.zone), load,
                this.properties.memberCapacityOpsPerSecond(), memoryShare, worstAlerts(), members,
                this.clusterSafe.getAsBoolean());
        ScalingAdvice advice = this.stabilizer.stabilize(at, this.advisor.advise(snapshot));
        Evaluation previous = this.latest;
        this.latest = new Evaluation(advice, members, load, at);
        if (previous != null && previous.advice().desiredMembers() != advice.desiredMembers()
                && this.coordinates.getAsBoolean()) {
            this.dispatcher.publish(new ScalingChange(at, previous.advice().desiredMembers(), advice.desiredMembers(),
                    members, advice.reasons()));
        }
    }

    private Map<String, Severity> worstAlerts() {
        Map<String, Severity> worst = new HashMap<>(this.localAlerts.worst());
        if (this.lastFigures != null) {
            this.lastFigures.worstAlerts()
                .forEach((rule, severity) -> worst.merge(rule, severity, (a, b) -> (a.compareTo(b) >= 0) ? a : b));
        }
        return worst;
    }

    /**
     * One evaluation.
     *
     * @param advice the advice
     * @param members the members when it was made
     * @param loadOpsPerSecond the averaged load it used
     * @param at when it was made
     */
    public record Evaluation(ScalingAdvice advice, int members, double loadOpsPerSecond, Instant at) {

        /**
         * Returns the reasons.
         * @return the advisor's reasons
         */
        public List<String> reasons() {
            return this.advice.reasons();
        }
    }

    private record Load(Instant at, double opsPerSecond) {
    }

}

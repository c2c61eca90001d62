package com.wedsync.grid.node.alerts;

import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.AlertRulesLoader;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.MemberSample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Test fixture: the figure a member's own rule (one that every member judges for itself,
 * such as {@code memory}) reads from a sample, as the node's {@link AlertEvaluator}
 * computes it. The rule is made to raise on its first sample above 0, so the raised alert
 * carries the figure.
 */
public final class MemberRuleProbe {

    private MemberRuleProbe() {
    }

    /**
     * Returns the figure an above-rule of the shipped catalog judges in one sample.
     * @param rule the rule's id
     * @param catalog the data classes the sample covers
     * @param sample the member's sample
     * @return the figure, in the rule's unit; empty when it is no positive number
     */
    public static OptionalDouble figure(String rule, Catalog catalog, MemberSample sample) {
        List<AlertEvent> events = new ArrayList<>();
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(events::add), new SimpleMeterRegistry(), 50);
        AlertEvaluator evaluator = new AlertEvaluator(
                AlertRulesLoader.loadDefault(Map.of(rule + ".warning", "0", rule + ".raise-after", "1")), catalog,
                dispatcher, () -> false, TrafficCalendar.standard(),
                new EvaluatorSettings(ZoneOffset.UTC, new SaturdayBaseline(TrafficCalendar.standard(), ZoneOffset.UTC,
                        0, (hour) -> OptionalDouble.empty()), 0),
                new NoHandover());
        evaluator.onSample(sample, new ClusterFigures(1, 0, Map.of(), Map.of(), 0, Map.of()));
        return events.stream()
            .filter((event) -> event.alert().rule().equals(rule) && event.kind() == AlertEvent.Kind.RAISED)
            .mapToDouble((event) -> event.alert().value())
            .findFirst();
    }

    /** A member that does not coordinate hands nothing over. */
    private static final class NoHandover implements AlertHandover {

        @Override
        public List<Alert> takeOver(boolean includingOwn) {
            return List.of();
        }

        @Override
        public void leave(List<Alert> alerts) {
        }

    }

}

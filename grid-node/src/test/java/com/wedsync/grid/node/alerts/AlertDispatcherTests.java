package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDispatcherTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aSinkThatThrowsIsCountedAsFailedAndTheOthersAreStillTold() {
        List<AlertEvent> told = new ArrayList<>();
        AlertSink broken = new AlertSink() {
            @Override
            public void alert(AlertEvent event) {
                throw new IllegalStateException("pager down");
            }

            @Override
            public String name() {
                return "pager";
            }
        };
        AlertSink recording = new AlertSink() {
            @Override
            public void alert(AlertEvent event) {
                told.add(event);
            }

            @Override
            public String name() {
                return "recording";
            }
        };
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(broken, recording), this.registry, 10);

        dispatcher.publish(event(0));

        assertThat(told).hasSize(1);
        assertThat(count("pager", "failed")).isEqualTo(1);
        assertThat(count("pager", "delivered")).isZero();
        assertThat(count("recording", "delivered")).isEqualTo(1);
    }

    @Test
    void aLambdaSinkIsCountedUnderAFixedName() {
        List<AlertEvent> told = new ArrayList<>();
        AlertSink lambda = told::add;
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(lambda), this.registry, 10);

        dispatcher.publish(event(0));

        assertThat(lambda.name()).isEqualTo("custom");
        assertThat(count("custom", "delivered")).isEqualTo(1);
    }

    @Test
    void theHistoryKeepsTheNewestChangesFirstWithinItsBound() {
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(), this.registry, 3);
        for (int i = 0; i < 5; i++) {
            dispatcher.publish(event(i));
        }

        assertThat(dispatcher.history()).extracting((e) -> e.alert().start().getEpochSecond())
            .containsExactly(4L, 3L, 2L);
    }

    @Test
    void scalingChangesReachTheSinksThatTakeThem() {
        List<ScalingChange> told = new ArrayList<>();
        AlertSink sink = new AlertSink() {
            @Override
            public void alert(AlertEvent event) {
            }

            @Override
            public void scaling(ScalingChange change) {
                told.add(change);
            }
        };
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(sink), this.registry, 3);

        dispatcher.publish(new ScalingChange(Instant.EPOCH, 2, 3, 2, List.of("peak")));

        assertThat(told).extracting(ScalingChange::desired).containsExactly(3);
    }

    @Test
    void scalingChangesAreKeptAsInfoNoticesNewestFirstWithinTheBound() {
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(), this.registry, 2);
        for (int desired = 2; desired <= 4; desired++) {
            dispatcher.publish(new ScalingChange(Instant.ofEpochSecond(desired), desired - 1, desired, 1, List.of()));
        }

        assertThat(dispatcher.notices()).extracting(ScalingChange::desired).containsExactly(4, 3);
        assertThat(dispatcher.notices()).extracting(ScalingChange::severity).containsOnly(Severity.INFO);
        assertThat(dispatcher.history()).as("notices are not alert changes").isEmpty();
        assertThat(AlertsView.Notice.of(dispatcher.notices().get(0)).summary())
            .isEqualTo("desired members 3 -> 4 (1 now)");
    }

    private double count(String sink, String result) {
        return this.registry.get(AlertDispatcher.DELIVERIES).tag("sink", sink).tag("result", result).counter().count();
    }

    private static AlertEvent event(int n) {
        Instant start = Instant.ofEpochSecond(n);
        return new AlertEvent(AlertEvent.Kind.RAISED,
                new Alert("latency/m/" + n, "latency", Severity.WARNING, "m", 0.6, 0.5, start, null));
    }

}

package com.wedsync.grid.node.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.node.capacity.CapacityAdvisor;
import com.wedsync.grid.node.alerts.AlertDispatcher;
import com.wedsync.grid.node.alerts.AlertSink;
import com.wedsync.grid.node.alerts.ScalingChange;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.MemberSample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScalingEvaluatorTests {

    /** An ordinary Wednesday in January: no peak within the lead time. */
    private static final Instant WEDNESDAY = Instant.parse("2026-01-14T12:00:00Z");

    private final HazelcastInstance instance = mock(HazelcastInstance.class, RETURNS_DEEP_STUBS);

    private final List<ScalingChange> changes = new ArrayList<>();

    private final AtomicBoolean oldest = new AtomicBoolean(true);

    private final Map<String, Severity> localAlerts = new HashMap<>();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ScalingEvaluator evaluator;

    private Instant at = WEDNESDAY;

    @BeforeEach
    void setUp() {
        when(this.instance.getLifecycleService().isRunning()).thenReturn(true);
        members(2);
        ScalingProperties properties = new ScalingProperties(1000, 1, 10, Duration.ofHours(2), 0.25, 0.7,
                Duration.ofSeconds(10));
        AlertSink sink = new AlertSink() {
            @Override
            public void alert(com.wedsync.grid.node.alerts.rules.AlertEvent event) {
            }

            @Override
            public void scaling(ScalingChange change) {
                ScalingEvaluatorTests.this.changes.add(change);
            }
        };
        this.evaluator = new ScalingEvaluator(new CapacityAdvisor(TrafficCalendar.standard(), properties.policy()),
                properties, ZoneOffset.UTC, this.instance, new AlertDispatcher(List.of(sink), this.registry, 10),
                () -> this.localAlerts, this.oldest::get, () -> true);
        new ScalingMetrics(this.evaluator).bindTo(this.registry);
    }

    @Test
    void theLoadAveragedOverTheWindowSetsTheDesiredCountAndAChangeIsSent() {
        assertThat(desiredGauge()).isNaN();

        sample(2000);
        assertThat(this.evaluator.latest().advice().desiredMembers()).isEqualTo(3);
        assertThat(desiredGauge()).isEqualTo(3);
        assertThat(this.changes).as("the first advice is no change").isEmpty();

        sample(6000);
        assertThat(this.evaluator.latest().loadOpsPerSecond()).isEqualTo(4000);
        assertThat(this.changes).singleElement().satisfies((change) -> {
            assertThat(change.previous()).isEqualTo(3);
            assertThat(change.desired()).isEqualTo(5);
            assertThat(change.current()).isEqualTo(2);
            assertThat(change.reasons()).isNotEmpty();
        });
    }

    @Test
    void onlyTheOldestMemberSendsChanges() {
        this.oldest.set(false);
        sample(2000);
        sample(6000);

        assertThat(desiredGauge()).isEqualTo(5);
        assertThat(this.changes).isEmpty();
    }

    @Test
    void aMembershipChangeIsEvaluatedAtOnce() {
        sample(400);
        assertThat(this.evaluator.latest().advice().desiredMembers()).isEqualTo(1);
        members(3);

        this.evaluator.membershipChanged("127.0.0.1:5703", true, 3, this.at.plusSeconds(1));

        assertThat(this.evaluator.latest().members()).isEqualTo(3);
        assertThat(this.evaluator.latest().advice().reasons()).anyMatch((r) -> r.startsWith("scale in by one"));
        assertThat(this.evaluator.latest().advice().desiredMembers()).isEqualTo(2);
    }

    @Test
    void aSustainedCriticalAlertAnywhereAsksForOneMoreMember() {
        this.localAlerts.put("memory", Severity.CRITICAL);
        sample(400);

        assertThat(this.evaluator.latest().advice().desiredMembers()).isEqualTo(3);
    }

    private void sample(double clusterOps) {
        this.at = this.at.plusSeconds(5);
        MemberSample sample = new MemberSample(this.at, Duration.ofSeconds(5), "127.0.0.1:5701", List.of(), 0.5, 0, 0,
                0, 0);
        this.evaluator.onSample(sample, new ClusterFigures(2, clusterOps, Map.of(), Map.of(), 0.1, Map.of()));
    }

    private void members(int count) {
        Set<Member> members = new HashSet<>();
        for (int i = 0; i < count; i++) {
            members.add(mock(Member.class));
        }
        when(this.instance.getCluster().getMembers()).thenReturn(members);
    }

    private double desiredGauge() {
        return this.registry.get("grid.scaling.desired.members").gauge().value();
    }

}

package com.wedsync.grid.node.alerts.rules;

import static com.wedsync.grid.node.alerts.rules.Severity.CRITICAL;
import static com.wedsync.grid.node.alerts.rules.Severity.EMERGENCY;
import static com.wedsync.grid.node.alerts.rules.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HysteresisTests {

    private static final Instant T0 = Instant.parse("2026-06-20T14:00:00Z");

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    /**
     * Latency in ms: warning above 0.5, critical above 1, emergency above 2; raised after
     * 3, cleared after 3.
     */
    private static final AlertRule LATENCY = new AlertRule("latency", "latency_ms", Comparison.ABOVE, Unit.MILLISECONDS,
            Map.of(WARNING, 0.5, CRITICAL, 1.0, EMERGENCY, 2.0), 3, 3);

    private static final AlertRule HIT_RATE = new AlertRule("hit_rate", "hit_rate_percent", Comparison.BELOW,
            Unit.PERCENT, Map.of(WARNING, 95.0, CRITICAL, 90.0), 2, 4);

    private static final AlertRule PARTITION_LOST = new AlertRule("partition_lost", "partitions_lost", Comparison.ABOVE,
            Unit.COUNT, Map.of(EMERGENCY, 0.0), 1, 2);

    private final Hysteresis hysteresis = new Hysteresis(new AlertRules(List.of(LATENCY, HIT_RATE, PARTITION_LOST)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    two breaches are not enough                 | 0.6 0.6                              |
                    three breaches in a row raise               | 0.6 0.6 0.6                          | RAISED WARNING @2
                    a value on the threshold does not breach    | 1.0 1.0 1.0                          | RAISED WARNING @2
                    flapping never raises                       | 0.6 0.1 0.6 0.1 0.6 0.1 0.6          |
                    a clean sample restarts the count           | 0.6 0.6 0.1 0.6 0.6 0.6              | RAISED WARNING @5
                    raised at what all three breached           | 2.5 1.5 0.6                          | RAISED WARNING @2
                    raised critical when all three are critical | 2.5 2.5 1.5                          | RAISED CRITICAL @2
                    raised emergency when all three are         | 2.5 2.5 2.5                          | RAISED EMERGENCY @2
                    escalated after three worse samples         | 0.6 0.6 0.6 1.5 1.5 1.5              | RAISED WARNING @2, ESCALATED CRITICAL @5
                    one worse sample does not escalate          | 0.6 0.6 0.6 2.5 0.6 2.5 0.6          | RAISED WARNING @2
                    escalated straight to emergency             | 0.6 0.6 0.6 2.5 2.5 2.5              | RAISED WARNING @2, ESCALATED EMERGENCY @5
                    de-escalated after three milder samples     | 2.5 2.5 2.5 0.6 0.6 0.6              | RAISED EMERGENCY @2, DEESCALATED WARNING @5
                    de-escalated to the worst of those samples  | 2.5 2.5 2.5 0.6 1.5 0.6              | RAISED EMERGENCY @2, DEESCALATED CRITICAL @5
                    de-escalated, then escalated again          | 1.5 1.5 1.5 0.6 0.6 0.6 1.5 1.5 1.5  | RAISED CRITICAL @2, DEESCALATED WARNING @5, ESCALATED CRITICAL @8
                    cleared after three clean samples           | 0.6 0.6 0.6 0.1 0.1 0.1              | RAISED WARNING @2, CLEARED WARNING @5
                    cleared straight from emergency             | 2.5 2.5 2.5 0.1 0.1 0.1              | RAISED EMERGENCY @2, CLEARED EMERGENCY @5
                    flapping never clears                       | 0.6 0.6 0.6 0.1 0.6 0.1 0.6 0.1 0.6  | RAISED WARNING @2
                    a breach restarts the clean count           | 0.6 0.6 0.6 0.1 0.1 0.6 0.1 0.1 0.1  | RAISED WARNING @2, CLEARED WARNING @8
                    raised again after it cleared               | 0.6 0.6 0.6 0.1 0.1 0.1 0.6 0.6 0.6  | RAISED WARNING @2, CLEARED WARNING @5, RAISED WARNING @8
                    an unknown value is no sample               | 0.6 NaN 0.6 NaN 0.6                  | RAISED WARNING @4
                    """)
    void samplesInARowRaiseEscalateDeEscalateAndClear(String behaviour, String values, String events) {
        assertThat(feed("latency", "member-1", values))
            .isEqualTo(events == null ? List.of() : List.of(events.split(", ")));
    }

    @Test
    void anAlertCarriesItsRuleMemberValueThresholdAndTimes() {
        feed("latency", "member-1", "1.2 1.3");
        AlertEvent raised = sample("latency", "member-1", 1.4, 2).orElseThrow();

        assertThat(raised.alert()).isEqualTo(new Alert("latency/member-1/" + at(2).toEpochMilli(), "latency", CRITICAL,
                "member-1", 1.4, 1.0, at(2), null));
        assertThat(raised.alert().isActive()).isTrue();
        assertThat(this.hysteresis.active()).containsExactly(raised.alert());
    }

    @Test
    void anEscalatedAlertKeepsItsIdAndStartAndAClearedOneGetsItsEnd() {
        feed("latency", "member-1", "0.6 0.6 0.6 2.1 2.2");
        Alert escalated = sample("latency", "member-1", 2.3, 5).orElseThrow().alert();
        feed("latency", "member-1", 6, "0.2 0.3");
        Alert cleared = sample("latency", "member-1", 0.4, 8).orElseThrow().alert();

        assertThat(escalated.id()).isEqualTo("latency/member-1/" + at(2).toEpochMilli());
        assertThat(escalated.start()).isEqualTo(at(2));
        assertThat(escalated.threshold()).isEqualTo(2.0);
        assertThat(cleared)
            .isEqualTo(new Alert(escalated.id(), "latency", EMERGENCY, "member-1", 0.4, 2.0, at(2), at(8)));
        assertThat(cleared.isActive()).isFalse();
        assertThat(this.hysteresis.active()).isEmpty();
    }

    @Test
    void membersAreTrackedApart() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sample("latency", "member-1", 1.5, i).ifPresent((event) -> events.add(event.alert().member()));
            sample("latency", "member-2", 0.2, i).ifPresent((event) -> events.add(event.alert().member()));
        }

        assertThat(events).containsExactly("member-1");
    }

    @Test
    void aRuleOnTheLowSideBreachesBelowItsThresholds() {
        assertThat(feed("hit_rate", "cluster", "96 94 89 89 96 96 96 96")).containsExactly("RAISED WARNING @2",
                "ESCALATED CRITICAL @3", "CLEARED CRITICAL @7");
    }

    @Test
    void anEventRuleRaisesOnTheFirstSample() {
        assertThat(feed("partition_lost", "member-1", "0 3 0 0")).containsExactly("RAISED EMERGENCY @1",
                "CLEARED EMERGENCY @3");
    }

    @Test
    void activeAlertsAreListedMostSevereFirstThenOldestFirst() {
        feed("latency", "member-2", "0.6 0.6 0.6");
        feed("latency", "member-1", 1, "1.5 1.5 1.5");
        feed("partition_lost", "member-3", 5, "1");

        assertThat(this.hysteresis.active()).extracting(Alert::member, Alert::severity)
            .containsExactly(tuple("member-3", EMERGENCY), tuple("member-1", CRITICAL), tuple("member-2", WARNING));
    }

    @Test
    void aMemberThatLeftHasItsAlertsClearedAndItsSamplesForgotten() {
        feed("latency", "member-1", "1.5 1.5 1.5");
        feed("hit_rate", "member-1", "80 80");
        feed("latency", "member-2", "0.6 0.6");

        List<AlertEvent> events = this.hysteresis.forget("member-1", at(4));

        assertThat(events).extracting(AlertEvent::kind).containsOnly(AlertEvent.Kind.CLEARED).hasSize(2);
        assertThat(events).extracting((event) -> event.alert().end()).containsOnly(at(4));
        assertThat(this.hysteresis.active()).isEmpty();
        assertThat(feed("latency", "member-1", 5, "1.5 1.5")).isEmpty();
        assertThat(sample("latency", "member-2", 0.6, 6)).isPresent();
    }

    @Test
    void aReleasedAlertIsAdoptedWithItsIdAndClearsAfterCleanSamplesOnlyWhereAdopted() {
        feed("hit_rate", "cluster", "80 80");
        Alert raised = this.hysteresis.active().get(0);

        List<Alert> released = this.hysteresis.release("cluster");
        assertThat(released).containsExactly(raised);
        assertThat(this.hysteresis.active()).isEmpty();
        assertThat(feed("hit_rate", "cluster", 2, "99 99 99 99")).as("nothing left to clear where it was released")
            .isEmpty();

        Hysteresis successor = new Hysteresis(new AlertRules(List.of(LATENCY, HIT_RATE, PARTITION_LOST)));
        assertThat(successor.adopt(raised)).isTrue();
        assertThat(successor.active()).containsExactly(raised);
        List<AlertEvent> events = new ArrayList<>();
        for (int i = 6; i < 10; i++) {
            successor.sample("hit_rate", "cluster", 99, at(i)).ifPresent(events::add);
        }
        assertThat(events).singleElement().satisfies((event) -> {
            assertThat(event.kind()).isEqualTo(AlertEvent.Kind.CLEARED);
            assertThat(event.alert().id()).isEqualTo(raised.id());
            assertThat(event.alert().start()).isEqualTo(raised.start());
            assertThat(event.alert().end()).isEqualTo(at(9));
        });
    }

    @Test
    void anAdoptedAlertEscalatesAfterRaiseAfterWorseSamplesAndNeverReplacesAnActiveOne() {
        feed("latency", "member-1", "0.6 0.6 0.6");
        Alert warning = this.hysteresis.active().get(0);
        Hysteresis successor = new Hysteresis(new AlertRules(List.of(LATENCY, HIT_RATE, PARTITION_LOST)));
        successor.adopt(warning);

        List<String> events = new ArrayList<>();
        for (int i = 3; i < 6; i++) {
            int index = i;
            successor.sample("latency", "member-1", 1.5, at(i))
                .ifPresent((event) -> events.add(event.kind() + " " + event.alert().severity() + " @" + index));
        }
        assertThat(events).containsExactly("ESCALATED CRITICAL @5");
        assertThat(successor.active()).singleElement().extracting(Alert::id).isEqualTo(warning.id());

        assertThat(this.hysteresis
            .adopt(new Alert("latency/member-1/1", "latency", EMERGENCY, "member-1", 3, 2, at(0), null)))
            .as("member-1 has an active latency alert here")
            .isFalse();
        assertThat(this.hysteresis.active()).containsExactly(warning);
    }

    @Test
    void anAlertOfAnUnknownRuleOrOneThatEndedIsNotAdopted() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> this.hysteresis.adopt(new Alert("disk/cluster/0", "disk", WARNING, "cluster", 1, 0, at(0), null)))
            .withMessage("no alert rule 'disk' (known: latency, hit_rate, partition_lost)");
        assertThatIllegalArgumentException().isThrownBy(
                () -> this.hysteresis.adopt(new Alert("latency/m/0", "latency", WARNING, "m", 1, 0.5, at(0), at(1))))
            .withMessage("alert latency/m/0 has ended (2026-06-20T14:00:05Z)");
    }

    @Test
    void aSampleOlderThanThePreviousOneIsRejected() {
        sample("latency", "member-1", 0.6, 2);

        assertThatIllegalArgumentException().isThrownBy(() -> sample("latency", "member-1", 0.6, 1))
            .withMessage("at (2026-06-20T14:00:05Z) is before the previous sample of latency on member-1"
                    + " (2026-06-20T14:00:10Z)");
    }

    @Test
    void aSampleOfAnUnknownRuleIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> sample("disk", "member-1", 1, 0))
            .withMessage("no alert rule 'disk' (known: latency, hit_rate, partition_lost)");
    }

    private List<String> feed(String rule, String member, String values) {
        return feed(rule, member, 0, values);
    }

    private List<String> feed(String rule, String member, int first, String values) {
        List<String> events = new ArrayList<>();
        String[] samples = values.split(" ");
        for (int i = 0; i < samples.length; i++) {
            int index = first + i;
            sample(rule, member, Double.parseDouble(samples[i]), index)
                .ifPresent((event) -> events.add(event.kind() + " " + event.alert().severity() + " @" + index));
        }
        return events;
    }

    private Optional<AlertEvent> sample(String rule, String member, double value, int index) {
        return this.hysteresis.sample(rule, member, value, at(index));
    }

    private static Instant at(int index) {
        return T0.plus(INTERVAL.multipliedBy(index));
    }

}

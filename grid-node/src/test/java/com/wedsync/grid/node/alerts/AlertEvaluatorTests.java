package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import com.wedsync.grid.node.alerts.rules.AlertRulesLoader;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.node.monitor.ClientClassFigures;
import com.wedsync.grid.node.monitor.ClientFigures;
import com.wedsync.grid.node.monitor.ClusterFigures;
import com.wedsync.grid.node.monitor.MapSample;
import com.wedsync.grid.node.monitor.MemberSample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTests {

    private static final String MEMBER = "127.0.0.1:5701";

    /** A Saturday in June. */
    private static final Instant SATURDAY = Instant.parse("2026-06-13T12:00:00Z");

    private final List<AlertEvent> events = new ArrayList<>();

    private final AtomicBoolean oldest = new AtomicBoolean(true);

    private final Map<String, List<Alert>> slots = new HashMap<>();

    private final AlertEvaluator evaluator = evaluator(0);

    private Instant at = SATURDAY;

    @Test
    void sustainedHighClientLatencyIsRaisedForTheClusterAndClearedAfterCleanSamples() {
        for (int i = 0; i < 3; i++) {
            sample(1.5, 0, 100, 99);
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED);
            assertThat(e.alert().rule()).isEqualTo("latency");
            assertThat(e.alert().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.alert().member()).isEqualTo(AlertEvaluator.CLUSTER);
            assertThat(e.alert().value()).isEqualTo(1.5);
        });
        assertThat(this.evaluator.worst()).containsEntry("latency", Severity.CRITICAL);
        assertThat(this.evaluator.activeCount("latency", Severity.CRITICAL)).isEqualTo(1);

        for (int i = 0; i < 6; i++) {
            sample(0.1, 0, 100, 99);
        }
        assertThat(this.events).last().extracting(AlertEvent::kind).isEqualTo(AlertEvent.Kind.CLEARED);
        assertThat(this.evaluator.active()).isEmpty();
    }

    @Test
    void memoryIsJudgedPerMapAgainstItsOwnBudget() {
        // 35 MiB of wedding data's 40 MiB budget: 87.5 %, although all maps hold only 35
        // % of a 100 MiB limit.
        for (int i = 0; i < 3; i++) {
            sample(0.1, 35, 100, 99);
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("memory");
            assertThat(e.alert().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.alert().value()).isEqualTo(87.5);
        });
    }

    @Test
    void theFullestMemoryAlertMapIsJudgedAndAFullCacheEvictingAsDesignedIsNot() {
        // wedding_data at 24 of its 25 MiB (96 %) is judged; vendor_responses, a cache
        // without memory-alert, full at 25 of 25 MiB, is not.
        for (int i = 0; i < 3; i++) {
            this.at = this.at.plusSeconds(5);
            List<MapSample> maps = List.of(
                    new MapSample("wedding_data", 0, 0, 0, 0, Double.NaN, 24L << 20, 25L << 20, 10, 0, 0, true),
                    new MapSample("vendor_responses", 100, 99, 100, 40, 0.1, 25L << 20, 25L << 20, 0, 0, 0, false));
            this.evaluator.onSample(new MemberSample(this.at, Duration.ofSeconds(5), MEMBER, maps, 0.5, 0, 0, 0, 0),
                    figures(40, 100, 99));
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("memory");
            assertThat(e.alert().severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(e.alert().value()).isEqualTo(96.0);
        });
    }

    @Test
    void theClusterHitRateIsJudgedByTheOldestMemberOnly() {
        this.oldest.set(false);
        for (int i = 0; i < 6; i++) {
            sample(0.1, 0, 100, 80);
        }
        assertThat(this.events).isEmpty();

        this.oldest.set(true);
        for (int i = 0; i < 3; i++) {
            sample(0.1, 0, 100, 80);
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("hit_rate");
            assertThat(e.alert().member()).isEqualTo("cluster/vendor_responses");
            assertThat(e.alert().dataClass()).contains("vendor_responses");
            assertThat(e.alert().id()).startsWith("hit_rate/cluster/vendor_responses/");
            assertThat(e.alert().severity()).isEqualTo(Severity.EMERGENCY);
        });
    }

    @Test
    void eachClassIsJudgedOnItsOwnAndTheAlertNamesIt() {
        ClientClassFigures good = new ClientClassFigures(1000, 990, 10, 200, 0, 0, 0.2, 0.3);
        ClientClassFigures poor = new ClientClassFigures(1000, 500, 420, 200, 0, 0, 0.2, 0.3);
        ClusterFigures figures = new ClusterFigures(1, 40, Map.of(), Map.of(), 0, Map.of(), new ClientFigures(2,
                Map.of("wedding_data", good, "guest_interactions", poor, "vendor_responses", good), good));
        for (int i = 0; i < 3; i++) {
            this.at = this.at.plusSeconds(5);
            this.evaluator.onSample(sample(this.at, 0.1, 0, 100, 99), figures);
        }

        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("hit_rate");
            assertThat(e.alert().member()).isEqualTo("cluster/guest_interactions");
            assertThat(e.alert().severity()).isEqualTo(Severity.WARNING);
            assertThat(e.alert().value()).isEqualTo(92.0);
        });
    }

    @Test
    void withNoClientReportingTheClientRulesNeitherRaiseNorClear() {
        for (int i = 0; i < 3; i++) {
            sample(1.5, 0, 100, 80);
        }
        assertThat(this.evaluator.active()).extracting(Alert::rule).containsExactlyInAnyOrder("latency", "hit_rate");
        ClusterFigures membersOnly = new ClusterFigures(1, 40, Map.of("vendor_responses", 99L),
                Map.of("vendor_responses", 100L), 0, Map.of());

        for (int i = 0; i < 20; i++) {
            this.at = this.at.plusSeconds(5);
            this.evaluator.onSample(sample(this.at, 0.1, 0, 100, 99), membersOnly);
        }

        assertThat(this.events).hasSize(2).allSatisfy((e) -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED));
    }

    @Test
    void aMemberThatLeftIsAWarningAtOnceClearedAfterTwelveQuietSamples() {
        this.evaluator.memberLeft("127.0.0.1:5702", this.at);
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED);
            assertThat(e.alert().rule()).isEqualTo("member_left");
            assertThat(e.alert().severity()).isEqualTo(Severity.WARNING);
            assertThat(e.alert().member()).isEqualTo("127.0.0.1:5702");
        });
        for (int i = 0; i < 12; i++) {
            sample(0.1, 0, 100, 99);
        }
        assertThat(this.events).hasSize(2).last().extracting(AlertEvent::kind).isEqualTo(AlertEvent.Kind.CLEARED);
    }

    @Test
    void aLostPartitionIsAnEmergencyOfTheClusterAtTheNextSample() {
        this.at = this.at.plusSeconds(5);
        MemberSample lost = new MemberSample(this.at, Duration.ofSeconds(5), MEMBER,
                sample(this.at, 0.1, 0, 100, 99).maps(), 0.5, 0, 0, 1, 0);
        this.evaluator.onSample(lost, figures(40, 100, 99));

        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("partition_lost");
            assertThat(e.alert().severity()).isEqualTo(Severity.EMERGENCY);
            assertThat(e.alert().member()).isEqualTo(AlertEvaluator.CLUSTER);
        });
    }

    @Test
    void tooFewOperationsAreNotJudged() {
        for (int i = 0; i < 6; i++) {
            sample(5.0, 0, 20, 1);
        }
        assertThat(this.events).isEmpty();
    }

    @Test
    void aMemberThatLeftIsNotRaisedByAYoungerMember() {
        this.oldest.set(false);
        this.evaluator.memberLeft("127.0.0.1:5702", this.at);
        assertThat(this.events).isEmpty();
    }

    @Test
    void saturdayTrafficUnderItsBaselineIsCriticalWhenABaselineIsSet() {
        AlertEvaluator withBaseline = evaluator(100);
        // Expected on a Saturday in June: 100 x 7.5 = 750 ops/s; the sample's 200 ops/s
        // is 27 %.
        for (int i = 0; i < 6; i++) {
            this.at = this.at.plusSeconds(5);
            withBaseline.onSample(sample(this.at, 0.1, 0, 100, 99), figures(200, 100, 99));
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("saturday_ops");
            assertThat(e.alert().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.alert().value()).isCloseTo(26.67, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    @Test
    void saturdayTrafficUnderTheSameHourOfLastWeekIsCriticalWithoutConfiguration() {
        // Last Saturday's same hour held 750 ops/s (both Saturdays in June: the same
        // 7.5x);
        // the sample's 200 ops/s is 27 %.
        Instant weekAgo = this.at.minus(SaturdayBaseline.WEEK).truncatedTo(ChronoUnit.HOURS);
        SaturdayBaseline learned = new SaturdayBaseline(TrafficCalendar::standard, ZoneOffset.UTC, 0,
                (hour) -> hour.truncatedTo(ChronoUnit.HOURS).equals(weekAgo) ? OptionalDouble.of(750)
                        : OptionalDouble.empty());
        AlertEvaluator unconfigured = evaluator(this.events, this.oldest, learned,
                new SharedHandover(this.slots, "evaluator"));
        for (int i = 0; i < 6; i++) {
            this.at = this.at.plusSeconds(5);
            unconfigured.onSample(sample(this.at, 0.1, 0, 100, 99), figures(200, 100, 99));
        }
        assertThat(this.events).singleElement().satisfies((e) -> {
            assertThat(e.alert().rule()).isEqualTo("saturday_ops");
            assertThat(e.alert().value()).isCloseTo(26.67, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    @Test
    void theNextOldestMemberTakesOverTheClusterAlertsAndClearsThemWithTheirIds() {
        List<AlertEvent> successorEvents = new ArrayList<>();
        AtomicBoolean successorOldest = new AtomicBoolean(false);
        AlertEvaluator successor = evaluator(successorEvents, successorOldest, 0,
                new SharedHandover(this.slots, "successor"));
        for (int i = 0; i < 3; i++) {
            sample(0.1, 0, 100, 80);
        }
        this.evaluator.memberLeft("127.0.0.1:5702", this.at);
        assertThat(this.events).extracting(AlertEvent::kind)
            .containsExactly(AlertEvent.Kind.RAISED, AlertEvent.Kind.RAISED);
        sample(0.1, 0, 100, 80);
        List<String> raised = this.events.stream().map((e) -> e.alert().id()).toList();

        this.oldest.set(false);
        successorOldest.set(true);
        sample(0.1, 0, 100, 99);
        assertThat(this.evaluator.active()).as("no longer the oldest: its successor tracks them").isEmpty();
        for (int i = 0; i < 12; i++) {
            this.at = this.at.plusSeconds(5);
            successor.onSample(sample(this.at, 0.1, 0, 100, 99), figures(40, 100, 99));
            if (i == 0) {
                assertThat(successor.active()).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(raised);
            }
        }

        assertThat(successorEvents).as("cleared where they were taken over, nothing raised again")
            .allSatisfy((e) -> assertThat(e.kind()).isEqualTo(AlertEvent.Kind.CLEARED))
            .extracting((e) -> e.alert().id())
            .containsExactlyInAnyOrderElementsOf(raised);
        assertThat(this.events).hasSize(2);
        assertThat(successor.active()).isEmpty();
        assertThat(this.slots).as("the successor holds no alerts to leave").isEmpty();
    }

    @Test
    void aMemberNotTheOldestTakesNothingOverAndLeavesNothing() {
        this.slots.put("predecessor", List.of(new Alert("hit_rate/cluster/1", "hit_rate", Severity.WARNING,
                AlertEvaluator.CLUSTER, 90, 95, SATURDAY, null)));
        this.oldest.set(false);
        sample(0.1, 0, 100, 99);
        assertThat(this.evaluator.active()).isEmpty();
        assertThat(this.slots).containsOnlyKeys("predecessor");

        this.oldest.set(true);
        sample(0.1, 0, 100, 99);
        assertThat(this.evaluator.active()).extracting(Alert::id).containsExactly("hit_rate/cluster/1");
        assertThat(this.slots).as("taken over, then left again by the new oldest").containsOnlyKeys("evaluator");
    }

    @Test
    void aMemberOldestAgainBeforeAnyoneTookItsAlertsOverTracksThemAgain() {
        for (int i = 0; i < 3; i++) {
            sample(0.1, 0, 100, 80);
        }
        String raised = this.evaluator.active().get(0).id();
        this.oldest.set(false);
        sample(0.1, 0, 100, 80);
        assertThat(this.evaluator.active()).isEmpty();

        this.oldest.set(true);
        sample(0.1, 0, 100, 99);
        assertThat(this.evaluator.active()).extracting(Alert::id).containsExactly(raised);
        for (int i = 0; i < 6; i++) {
            sample(0.1, 0, 100, 99);
        }
        assertThat(this.events).extracting(AlertEvent::kind)
            .containsExactly(AlertEvent.Kind.RAISED, AlertEvent.Kind.CLEARED);
        assertThat(this.events).extracting((e) -> e.alert().id()).containsOnly(raised);
        assertThat(this.slots).isEmpty();
    }

    @Test
    void aMemberRuleHandedOverIsSkipped() {
        this.slots.put("predecessor", List.of(new Alert("memory/127.0.0.1:5702/1", "memory", Severity.WARNING,
                "127.0.0.1:5702", 75, 70, SATURDAY, null)));
        sample(0.1, 0, 100, 99);
        assertThat(this.evaluator.active()).isEmpty();
        assertThat(this.slots).isEmpty();
    }

    private AlertEvaluator evaluator(double saturdayBaseline) {
        return evaluator(this.events, this.oldest, saturdayBaseline, new SharedHandover(this.slots, "evaluator"));
    }

    private static AlertEvaluator evaluator(List<AlertEvent> events, AtomicBoolean oldest, double saturdayBaseline,
            AlertHandover handover) {
        return evaluator(events, oldest, new SaturdayBaseline(TrafficCalendar::standard, ZoneOffset.UTC,
                saturdayBaseline, (hour) -> OptionalDouble.empty()), handover);
    }

    private static AlertEvaluator evaluator(List<AlertEvent> events, AtomicBoolean oldest, SaturdayBaseline baseline,
            AlertHandover handover) {
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(events::add), new SimpleMeterRegistry(), 50);
        return new AlertEvaluator(AlertRulesLoader.loadDefault(Map.of()), CatalogLoader.loadDefault(), dispatcher,
                oldest::get, TrafficCalendar::standard, new EvaluatorSettings(ZoneOffset.UTC, baseline, 50), handover);
    }

    /**
     * The members' shared slots, as the replicated map in {@link ReplicatedAlertHandover}
     * holds them.
     */
    private record SharedHandover(Map<String, List<Alert>> slots, String owner) implements AlertHandover {

        @Override
        public List<Alert> takeOver(boolean includingOwn) {
            List<Alert> taken = new ArrayList<>();
            this.slots.keySet()
                .removeIf((key) -> (includingOwn || !key.equals(this.owner)) && taken.addAll(this.slots.get(key)));
            return taken;
        }

        @Override
        public void leave(List<Alert> alerts) {
            if (alerts.isEmpty()) {
                this.slots.remove(this.owner);
            }
            else {
                this.slots.put(this.owner, List.copyOf(alerts));
            }
        }
    }

    private void sample(double latencyMs, int memoryMib, long gets, long hits) {
        this.at = this.at.plusSeconds(5);
        this.evaluator.onSample(sample(this.at, latencyMs, memoryMib, gets, hits), figures(40, gets, hits, latencyMs));
    }

    private static MemberSample sample(Instant at, double latencyMs, int memoryMib, long gets, long hits) {
        List<MapSample> maps = List.of(
                new MapSample("wedding_data", 0, 0, 0, 0, Double.NaN, (long) memoryMib << 20, 40L << 20, 10, 0, 0,
                        true),
                new MapSample("vendor_responses", gets, hits, gets, 40, latencyMs, 0, 25L << 20, 0, 0, 0, false));
        return new MemberSample(at, Duration.ofSeconds(5), MEMBER, maps, 0.5, 0, 0, 0, 0);
    }

    private static ClusterFigures figures(double ops, long gets, long hits) {
        return figures(ops, gets, hits, 0.1);
    }

    /**
     * The cluster as one client saw it: vendor-response reads at a hit rate, a p95 and
     * p99 latency, and its ops/s; the members' own figures alike.
     */
    private static ClusterFigures figures(double ops, long gets, long hits, double latencyMs) {
        ClientClassFigures vendors = new ClientClassFigures(gets, hits / 2, hits - hits / 2, ops, 0, 0, latencyMs,
                latencyMs);
        return new ClusterFigures(1, ops, Map.of("vendor_responses", hits), Map.of("vendor_responses", gets), 0,
                Map.of(), new ClientFigures(1, Map.of("vendor_responses", vendors), vendors));
    }

}

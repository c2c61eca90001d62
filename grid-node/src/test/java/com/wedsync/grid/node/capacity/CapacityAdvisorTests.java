package com.wedsync.grid.node.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.config.calendar.Occasion;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.calendar.TrafficMultipliers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityAdvisorTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Ordinary load (multiplier 1) of the sample weeks, and what one member serves. */
    private static final double ORDINARY_OPS = 20_000;

    private static final double MEMBER_OPS = 30_000;

    private static final CapacityAdvisor ADVISOR = new CapacityAdvisor(
            week(LocalDate.of(2026, 6, 15)).withOccasionsOf(week(LocalDate.of(2026, 1, 12))).calendar(),
            ScalingPolicy.of(2, 12));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    ordinary January day stays at the minimum      | 2026-01-13T12:00:00Z | Europe/London    | 20000  | 2  | true  | 0.4 |                | 2  | raised to minMembers 2 (wanted 1)
                    Saturday 2h01m ahead is not yet covered        | 2026-01-16T21:59:00Z | Europe/London    | 20000  | 2  | true  | 0.4 |                | 2  | now: 20000 ops/s (x1 ordinary) needs 1 member of 30000 ops/s with 25 % headroom
                    Saturday 2h ahead is covered                   | 2026-01-16T22:00:00Z | Europe/London    | 20000  | 2  | true  | 0.4 |                | 5  | peak from Sat 2026-01-17 00:00 (in 2h): 100000 ops/s (x5 Saturday x5) needs 5 members
                    Sydney's Saturday comes 11h before London's    | 2026-01-16T11:00:00Z | Australia/Sydney | 20000  | 2  | true  | 0.4 |                | 5  | peak from Sat 2026-01-17 00:00 (in 2h)
                    at the same instant London is a Friday         | 2026-01-16T11:00:00Z | Europe/London    | 20000  | 2  | true  | 0.4 |                | 2  | raised to minMembers 2 (wanted 1)
                    Saturday in June                               | 2026-06-20T11:00:00Z | Europe/London    | 150000 | 7  | true  | 0.4 |                | 7  | now: 150000 ops/s (x7.5 Saturday x5, wedding season (May-October) x1.5) needs 7 members
                    critical latency asks for one more             | 2026-06-20T11:00:00Z | Europe/London    | 150000 | 7  | true  | 0.4 | latency=CRITICAL | 8 | sustained critical latency alert: one more member than 7
                    emergency memory asks for one more             | 2026-06-20T11:00:00Z | Europe/London    | 150000 | 7  | true  | 0.4 | memory=EMERGENCY | 8 | sustained emergency memory alert: one more member than 7
                    a warning asks for nothing                     | 2026-06-20T11:00:00Z | Europe/London    | 150000 | 7  | true  | 0.4 | latency=WARNING  | 7 | peak under way until Wed 2026-06-24 00:00
                    another rule's critical asks for nothing       | 2026-06-20T11:00:00Z | Europe/London    | 150000 | 7  | true  | 0.4 | hit_rate=CRITICAL | 7 | peak under way until Wed 2026-06-24 00:00
                    a critical alert blocks a scale-in             | 2026-06-17T01:00:00Z | Europe/London    | 30000  | 5  | true  | 0.4 | latency=CRITICAL | 6 | sustained critical latency alert: one more member than 5
                    a quiet Wednesday night scales in by one       | 2026-06-17T01:00:00Z | Europe/London    | 30000  | 5  | true  | 0.4 |                | 4  | scale in by one: safe, no peak within 2h
                    not while the cluster is unsafe                | 2026-06-17T01:00:00Z | Europe/London    | 30000  | 5  | false | 0.4 |                | 5  | hold 5: the cluster is not safe (migrations under way)
                    not while memory would pass the ceiling        | 2026-06-17T01:00:00Z | Europe/London    | 30000  | 5  | true  | 0.6 |                | 5  | hold 5: memory would reach 75 % on 4 members (ceiling 70 %)
                    not while one member fewer keeps under 45 % spare | 2026-06-17T01:00:00Z | Europe/London | 45000  | 3  | true  | 0.4 |                | 3  | hold 3: 45000 ops/s would leave 2 members less than 45 % to spare (headroom and 20 % scale-in band)
                    but once it keeps 45 % spare                   | 2026-06-17T01:00:00Z | Europe/London    | 40000  | 3  | true  | 0.4 |                | 2  | scale in by one: safe, no peak within 2h
                    not during the photo uploads after a wedding   | 2026-06-22T11:00:00Z | Europe/London    | 120000 | 7  | true  | 0.4 |                | 7  | hold 7: a peak is under way or starts within 2h
                    not two hours before an RSVP evening           | 2026-06-17T15:00:00Z | Europe/London    | 30000  | 5  | true  | 0.4 |                | 5  | peak from Wed 2026-06-17 18:00 (in 2h): 75000 ops/s (x3.75 wedding season (May-October) x1.5, RSVP-deadline evening x2.5) needs 4 members
                    load above the calendar's is served now        | 2026-06-16T23:30:00Z | Europe/London    | 90000  | 2  | true  | 0.4 |                | 4  | now: 90000 ops/s (x1.5 wedding season (May-October) x1.5) needs 4 members
                    above the maximum is capped                    | 2026-06-19T22:00:00Z | Europe/London    | 300000 | 4  | true  | 0.4 |                | 12 | capped at maxMembers 12 (wanted 63)
                    more members than the maximum come down to it  | 2026-06-17T01:00:00Z | Europe/London    | 30000  | 15 | true  | 0.4 |                | 12 | capped at maxMembers 12 (wanted 14)
                    """)
    void advisesMembersWithTheirReason(String behaviour, Instant instant, ZoneId zone, double load, int members,
            boolean safe, double memory, String alerts, int desired, String reason) {
        ScalingAdvice advice = ADVISOR
            .advise(new ClusterSnapshot(instant.atZone(zone), load, MEMBER_OPS, memory, alerts(alerts), members, safe));

        assertThat(advice.desiredMembers()).as(advice.reasons().toString()).isEqualTo(desired);
        assertThat(advice.reasons()).anySatisfy((text) -> assertThat(text).startsWith(reason));
    }

    @Test
    void aSaturdayGetsTwiceTheMembersOfAnOrdinaryDayEvenWhenItsLoadNeedsFewer() {
        CapacityAdvisor advisor = new CapacityAdvisor(TrafficCalendar.standard(), ScalingPolicy.of(1, 12));
        ZonedDateTime fridayNight = ZonedDateTime.of(2026, 6, 19, 22, 30, 0, 0, LONDON);

        ScalingAdvice advice = advisor
            .advise(new ClusterSnapshot(fridayNight, 1500, MEMBER_OPS, 0.2, Map.of(), 1, true));

        assertThat(advice.desiredMembers()).isEqualTo(2);
        assertThat(advice.reasons()).contains("Saturday: 2x the 1 member of an ordinary day: 2");
    }

    @Test
    void theLeadTimeOfThePolicyDecidesWhenAPeakIsCovered() {
        CapacityAdvisor advisor = new CapacityAdvisor(TrafficCalendar.standard(),
                new ScalingPolicy(2, 12, java.time.Duration.ofHours(6), 0.25, 0.7, 0.2, 500));
        ZonedDateTime fridayEvening = ZonedDateTime.of(2026, 1, 16, 18, 0, 0, 0, LONDON);

        assertThat(advisor.advise(new ClusterSnapshot(fridayEvening, 20_000, MEMBER_OPS, 0.4, Map.of(), 2, true))
            .desiredMembers()).isEqualTo(5);
        assertThat(ADVISOR.advise(new ClusterSnapshot(fridayEvening, 20_000, MEMBER_OPS, 0.4, Map.of(), 2, true))
            .desiredMembers()).isEqualTo(2);
    }

    @Test
    void aSampleWeekInJuneCoversEveryPeakBeforeItStartsAndScalesInBetweenThem() {
        SampleWeek june = week(LocalDate.of(2026, 6, 15));

        assertThat(june.changes()).containsExactly("Mon 00:00 7", "Wed 00:00 6", "Wed 01:00 5", "Wed 02:00 4",
                "Wed 03:00 3", "Wed 04:00 2", "Wed 16:00 4", "Fri 00:00 3", "Fri 01:00 2", "Fri 22:00 7");
    }

    @Test
    void aSampleWeekInJanuaryNeedsFewerMembersForTheSamePeaks() {
        SampleWeek january = week(LocalDate.of(2026, 1, 12));

        assertThat(january.changes()).containsExactly("Mon 00:00 5", "Wed 00:00 4", "Wed 01:00 3", "Wed 02:00 2",
                "Wed 16:00 3", "Fri 00:00 2", "Fri 22:00 5");
    }

    /**
     * An ordinary December Thursday serves 6,000 ops/s; members serve 10,000 ops/s each
     * (the default capacity) with 25 % headroom, up to 40 members, 500 ops/s per wedding
     * (the default). Without weddings the Saturday needs 30,000 ops/s (x5): 4 members.
     * Its 40 weddings need 20,000 ops/s (3 members): still 4. Its 400 need 200,000 ops/s:
     * 25 members, advised from Friday 22:00, before the Saturday starts.
     */
    @Test
    void fourHundredWeddingsNextSaturdayRaiseTheMembersBeforeTheLeadTimeMoreThanForty() {
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 10, 12, 0, 0, 0, LONDON);
        ZonedDateTime fridayBeforeLead = ZonedDateTime.of(2026, 12, 11, 21, 59, 0, 0, LONDON);
        ZonedDateTime fridayInLead = ZonedDateTime.of(2026, 12, 11, 22, 0, 0, 0, LONDON);
        LocalDate saturday = LocalDate.of(2026, 12, 12);

        Map<Integer, List<Integer>> desired = new java.util.LinkedHashMap<>();
        for (int weddings : new int[] { 0, 40, 400 }) {
            CapacityAdvisor advisor = new CapacityAdvisor(weddingsOn(saturday, weddings), ScalingPolicy.of(1, 40));
            desired.put(weddings,
                    List.of(thursday, fridayBeforeLead, fridayInLead)
                        .stream()
                        .map((now) -> advisor.advise(new ClusterSnapshot(now, 6_000, 10_000, 0.3, Map.of(), 1, true))
                            .desiredMembers())
                        .toList());
        }
        System.out
            .println("desired members (Thu 12:00, Fri 21:59, Fri 22:00) by weddings on Sat 2026-12-12: " + desired);

        assertThat(desired).containsEntry(0, List.of(1, 1, 4))
            .containsEntry(40, List.of(1, 1, 4))
            .containsEntry(400, List.of(1, 1, 25));
        assertThat(new CapacityAdvisor(weddingsOn(saturday, 400), ScalingPolicy.of(1, 40))
            .advise(new ClusterSnapshot(fridayInLead, 6_000, 10_000, 0.3, Map.of(), 1, true))
            .reasons())
            .contains("weddings: 400 on Sat 2026-12-12 x 500 ops/s per wedding = 200000 ops/s needs 25 members");
    }

    @Test
    void withoutWeddingsTheAdviceIsTheCalendarsAlone() {
        CapacityAdvisor without = new CapacityAdvisor(TrafficCalendar.standard(),
                new ScalingPolicy(1, 40, java.time.Duration.ofHours(2), 0.25, 0.7, 0.2, 0));
        CapacityAdvisor withFactor = new CapacityAdvisor(TrafficCalendar.standard(), ScalingPolicy.of(1, 40));
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 11, 0, 0, 0, 0, LONDON);
        for (int hour = 0; hour < 72; hour++) {
            ClusterSnapshot snapshot = new ClusterSnapshot(now.plusHours(hour), 6_000, 10_000, 0.3, Map.of(), 2, true);

            assertThat(withFactor.advise(snapshot)).isEqualTo(without.advise(snapshot));
        }
    }

    @Test
    void theBusiestDayWithinTheLeadTimeCountsAndADayBeyondItDoesNot() {
        CapacityAdvisor advisor = new CapacityAdvisor(
                TrafficCalendar.of(TrafficMultipliers.DEFAULTS, weddings(LocalDate.of(2026, 12, 9), 100)),
                ScalingPolicy.of(1, 40));
        ClusterSnapshot tuesdayNight = new ClusterSnapshot(ZonedDateTime.of(2026, 12, 8, 22, 30, 0, 0, LONDON), 1_000,
                10_000, 0.3, Map.of(), 1, true);
        ClusterSnapshot tuesdayEvening = new ClusterSnapshot(ZonedDateTime.of(2026, 12, 8, 21, 30, 0, 0, LONDON), 1_000,
                10_000, 0.3, Map.of(), 1, true);

        assertThat(advisor.advise(tuesdayNight).desiredMembers()).isEqualTo(7);
        assertThat(advisor.advise(tuesdayEvening).desiredMembers()).isEqualTo(1);
    }

    @Test
    void theExpectedLoadOfADayIsTheLargerOfItsMultiplierAndItsWeddings() {
        ExpectedLoad expected = new ExpectedLoad(500);
        TrafficCalendar calendar = weddingsOn(LocalDate.of(2026, 12, 12), 40);

        assertThat(expected.ofDay(calendar, LocalDate.of(2026, 12, 12), LONDON, 6_000)).isEqualTo(30_000);
        assertThat(
                expected.ofDay(weddingsOn(LocalDate.of(2026, 12, 12), 400), LocalDate.of(2026, 12, 12), LONDON, 6_000))
            .isEqualTo(200_000);
        assertThat(expected.ofDay(calendar, LocalDate.of(2026, 12, 10), LONDON, 6_000)).isEqualTo(6_000);
    }

    private static TrafficCalendar weddingsOn(LocalDate day, int count) {
        return TrafficCalendar.of(TrafficMultipliers.DEFAULTS, weddings(day, count));
    }

    private static List<Occasion> weddings(LocalDate day, int count) {
        return java.util.Collections.nCopies(count, Occasion.wedding(day));
    }

    private static Map<String, Severity> alerts(String text) {
        Map<String, Severity> alerts = new HashMap<>();
        if (text != null) {
            String[] pair = text.split("=");
            alerts.put(pair[0], Severity.valueOf(pair[1]));
        }
        return alerts;
    }

    /**
     * A week from Monday in London: weddings on the Saturday before and on its own
     * Saturday, an RSVP deadline on Wednesday and a vendor deadline on Thursday.
     */
    private static SampleWeek week(LocalDate monday) {
        return new SampleWeek(monday,
                List.of(Occasion.wedding(monday.minusDays(2)), Occasion.wedding(monday.plusDays(5)),
                        Occasion.rsvpDeadline(monday.plusDays(2)), Occasion.vendorDeadline(monday.plusDays(3))));
    }

    private record SampleWeek(LocalDate monday, List<Occasion> occasions) {

        SampleWeek withOccasionsOf(SampleWeek other) {
            List<Occasion> all = new ArrayList<>(this.occasions);
            all.addAll(other.occasions);
            return new SampleWeek(this.monday, all);
        }

        TrafficCalendar calendar() {
            return TrafficCalendar.of(TrafficMultipliers.DEFAULTS, this.occasions);
        }

        /**
         * Runs the advisor hourly from the Friday before (with 2 members) to the end of
         * Sunday, the cluster always safe and at 40 % memory, the load as the calendar
         * expects and the advice followed at once; returns the members at Monday 00:00
         * and every change in the week.
         */
        List<String> changes() {
            TrafficCalendar calendar = calendar();
            CapacityAdvisor advisor = new CapacityAdvisor(calendar, ScalingPolicy.of(2, 12));
            List<String> changes = new ArrayList<>();
            ZonedDateTime now = this.monday.minusDays(3).atStartOfDay(LONDON);
            ZonedDateTime weekStart = this.monday.atStartOfDay(LONDON);
            int members = 2;
            while (now.isBefore(weekStart.plusDays(7))) {
                double load = ORDINARY_OPS * calendar.at(now.toInstant(), LONDON).multiplier();
                int desired = advisor.advise(new ClusterSnapshot(now, load, MEMBER_OPS, 0.4, Map.of(), members, true))
                    .desiredMembers();
                if (now.equals(weekStart) || (desired != members && !now.isBefore(weekStart))) {
                    changes.add(String.format(java.util.Locale.ENGLISH, "%ta %<tH:%<tM %d", now, desired));
                }
                members = desired;
                now = now.plusHours(1);
            }
            return changes;
        }
    }

}

package com.wedsync.grid.config.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficCalendarTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    /**
     * Weddings on Saturday 20 June and 17 January 2026, deadlines in the week before
     * each.
     */
    private static final TrafficCalendar CALENDAR = TrafficCalendar.of(TrafficMultipliers.DEFAULTS,
            List.of(Occasion.wedding(LocalDate.of(2026, 6, 20)), Occasion.rsvpDeadline(LocalDate.of(2026, 6, 17)),
                    Occasion.vendorDeadline(LocalDate.of(2026, 6, 18)), Occasion.wedding(LocalDate.of(2026, 1, 17)),
                    Occasion.rsvpDeadline(LocalDate.of(2026, 1, 14)), Occasion.wedding(LocalDate.of(2026, 6, 26)),
                    Occasion.rsvpDeadline(LocalDate.of(2026, 6, 27))));

    @ParameterizedTest(name = "{0} in {1} -> x{2} {3}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    2026-06-20T12:00:00Z | Europe/London       | 7.5  | Saturday x5; wedding season (May-October) x1.5
                    2026-06-20T12:00:00Z | Australia/Sydney    | 7.5  | Saturday x5; wedding season (May-October) x1.5
                    2026-06-20T15:00:00Z | Australia/Sydney    | 6    | wedding season (May-October) x1.5; photo uploads after a wedding x4
                    2026-06-19T15:00:00Z | Australia/Sydney    | 7.5  | Saturday x5; wedding season (May-October) x1.5
                    2026-06-19T15:00:00Z | Europe/London       | 1.5  | wedding season (May-October) x1.5
                    2026-01-17T12:00:00Z | Europe/London       | 5    | Saturday x5
                    2026-01-17T23:30:00Z | America/New_York    | 5    | Saturday x5
                    2026-01-17T23:30:00Z | Europe/London       | 5    | Saturday x5
                    2026-01-18T00:30:00Z | Europe/London       | 4    | photo uploads after a wedding x4
                    2026-01-16T14:00:00Z | Australia/Sydney    | 5    | Saturday x5
                    2026-01-16T12:59:59Z | Australia/Sydney    | 1    | ''
                    2026-01-14T17:59:59Z | Europe/London       | 1    | ''
                    2026-01-14T18:00:00Z | Europe/London       | 2.5  | RSVP-deadline evening x2.5
                    2026-01-14T23:59:59Z | Europe/London       | 2.5  | RSVP-deadline evening x2.5
                    2026-01-15T00:00:00Z | Europe/London       | 1    | ''
                    2026-01-14T18:00:00Z | Asia/Tokyo          | 1    | ''
                    2026-06-17T17:30:00Z | Europe/London       | 3.75 | wedding season (May-October) x1.5; RSVP-deadline evening x2.5
                    2026-06-17T16:59:59Z | Europe/London       | 1.5  | wedding season (May-October) x1.5
                    2026-06-18T10:00:00Z | Europe/London       | 3    | wedding season (May-October) x1.5; vendor deadline x2
                    2026-06-23T22:59:59Z | Europe/London       | 6    | wedding season (May-October) x1.5; photo uploads after a wedding x4
                    2026-06-23T23:00:00Z | Europe/London       | 1.5  | wedding season (May-October) x1.5
                    2026-06-27T19:00:00Z | Europe/London       | 7.5  | Saturday x5; wedding season (May-October) x1.5; RSVP-deadline evening x2.5; photo uploads after a wedding x4
                    2026-04-30T23:30:00Z | Europe/London       | 1.5  | wedding season (May-October) x1.5
                    2026-04-30T23:30:00Z | UTC                 | 1    | ''
                    2026-10-31T23:59:59Z | UTC                 | 7.5  | Saturday x5; wedding season (May-October) x1.5
                    2026-11-01T00:00:00Z | UTC                 | 1    | ''
                    2026-01-13T10:00:00Z | Europe/London       | 1    | ''
                    """)
    void answersTheMultiplierAndItsReasonsInTheLocalTimeOfTheZone(Instant instant, ZoneId zone, double multiplier,
            String reasons) {
        Traffic traffic = CALENDAR.at(instant, zone);

        assertThat(traffic.multiplier()).isEqualTo(multiplier);
        assertThat(traffic.reasons()).isEqualTo(list(reasons));
    }

    @Test
    void theSeasonMultipliesTheLargestSpikeAndCoincidingSpikesDoNotMultiply() {
        Traffic saturdayEveningInJune = new Traffic(Map.of(Cause.SATURDAY, 5.0, Cause.WEDDING_SEASON, 1.5,
                Cause.RSVP_DEADLINE_EVENING, 2.5, Cause.PHOTO_UPLOADS, 4.0));

        assertThat(saturdayEveningInJune.multiplier()).isEqualTo(7.5);
        assertThat(saturdayEveningInJune.season()).isEqualTo(1.5);
        assertThat(saturdayEveningInJune.isPeak()).isTrue();
        assertThat(new Traffic(Map.of(Cause.WEDDING_SEASON, 1.5)).isPeak()).isFalse();
        assertThat(Traffic.ORDINARY.multiplier()).isEqualTo(1);
    }

    @Test
    void multipliersFromTheEnvironmentChangeSaturdaysAndTheSeason() {
        TrafficCalendar calendar = TrafficCalendar.of(TrafficMultipliers
            .fromEnvironment(Map.of("SATURDAY_BOOST_MULTIPLIER", "3", "WEDDING_SEASON_MULTIPLIER", "2")), List.of());

        assertThat(calendar.at(Instant.parse("2026-06-20T12:00:00Z"), LONDON).multiplier()).isEqualTo(6);
        assertThat(calendar.at(Instant.parse("2026-06-22T12:00:00Z"), LONDON).multiplier()).isEqualTo(2);
    }

    @Test
    void aMultiplierOfOneTakesItsCauseOutOfTheReasons() {
        TrafficCalendar calendar = TrafficCalendar.of(new TrafficMultipliers(1, 1, 2.5, 4, 2), List.of());

        assertThat(calendar.at(Instant.parse("2026-06-20T12:00:00Z"), LONDON)).isEqualTo(Traffic.ORDINARY);
        assertThat(calendar.nextPeak(Instant.parse("2026-06-20T12:00:00Z"), LONDON)).isEmpty();
    }

    @Test
    void theNextPeakIsTheComingSaturdayInTheLocalTimeOfTheZone() {
        Instant wednesday = Instant.parse("2026-01-07T10:00:00Z");

        assertThat(TrafficCalendar.standard().nextPeak(wednesday, LONDON)).hasValue(
                new Peak(Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"), saturday(5)));
        assertThat(TrafficCalendar.standard().nextPeak(wednesday, SYDNEY)).hasValue(
                new Peak(Instant.parse("2026-01-09T13:00:00Z"), Instant.parse("2026-01-10T13:00:00Z"), saturday(5)));
    }

    @Test
    void aPeakInEffectIsReportedWithItsRealStart() {
        Peak peak = TrafficCalendar.standard().nextPeak(Instant.parse("2026-06-20T15:00:00Z"), LONDON).orElseThrow();

        assertThat(peak.start()).isEqualTo(Instant.parse("2026-06-19T23:00:00Z"));
        assertThat(peak.end()).isEqualTo(Instant.parse("2026-06-20T23:00:00Z"));
        assertThat(peak.multiplier()).isEqualTo(7.5);
        assertThat(peak.contains(Instant.parse("2026-06-20T15:00:00Z"))).isTrue();
        assertThat(peak.contains(peak.end())).isFalse();
    }

    @Test
    void photoUploadsExtendTheSaturdayPeakForThreeDays() {
        Peak peak = CALENDAR.nextPeak(Instant.parse("2026-01-16T10:00:00Z"), LONDON).orElseThrow();

        assertThat(peak).isEqualTo(
                new Peak(Instant.parse("2026-01-17T00:00:00Z"), Instant.parse("2026-01-21T00:00:00Z"), saturday(5)));
    }

    @Test
    void aPeakInEffectReportsTheHighestTrafficStillToCome() {
        Peak peak = CALENDAR.nextPeak(Instant.parse("2026-01-19T10:00:00Z"), LONDON).orElseThrow();

        assertThat(peak.start()).isEqualTo(Instant.parse("2026-01-17T00:00:00Z"));
        assertThat(peak.end()).isEqualTo(Instant.parse("2026-01-21T00:00:00Z"));
        assertThat(peak.traffic()).isEqualTo(new Traffic(Map.of(Cause.PHOTO_UPLOADS, 4.0)));
    }

    @Test
    void anRsvpEveningAndTheVendorDeadlineNextDayMakeOnePeak() {
        Peak peak = CALENDAR.nextPeak(Instant.parse("2026-06-17T08:00:00Z"), LONDON).orElseThrow();

        assertThat(peak.start()).isEqualTo(Instant.parse("2026-06-17T17:00:00Z"));
        assertThat(peak.end()).isEqualTo(Instant.parse("2026-06-18T23:00:00Z"));
        assertThat(peak.multiplier()).isEqualTo(3.75);
    }

    @Test
    void aPeakAcrossTheChangeToSummerTimeEndsAtLocalMidnight() {
        TrafficCalendar calendar = TrafficCalendar.of(TrafficMultipliers.DEFAULTS,
                List.of(Occasion.wedding(LocalDate.of(2026, 3, 28))));

        Peak peak = calendar.nextPeak(Instant.parse("2026-03-27T12:00:00Z"), LONDON).orElseThrow();

        assertThat(peak.start()).isEqualTo(Instant.parse("2026-03-28T00:00:00Z"));
        assertThat(peak.end()).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> CALENDAR.at(null, LONDON)).withMessage("instant is missing");
        assertThatNullPointerException().isThrownBy(() -> CALENDAR.at(Instant.EPOCH, null))
            .withMessage("zone is missing");
        assertThatNullPointerException().isThrownBy(() -> CALENDAR.nextPeak(null, LONDON))
            .withMessage("from is missing");
        assertThatNullPointerException().isThrownBy(() -> TrafficCalendar.of(null, List.of()))
            .withMessage("multipliers are missing");
        assertThatNullPointerException().isThrownBy(() -> Occasion.wedding(null)).withMessage("date is missing");
    }

    @Test
    void aPeakThatDoesNotEndAfterItStartsIsRejected() {
        Instant start = Instant.parse("2026-06-20T00:00:00Z");

        assertThatIllegalArgumentException().isThrownBy(() -> new Peak(start, start, saturday(5)))
            .withMessage("end (2026-06-20T00:00:00Z) must be after start (2026-06-20T00:00:00Z)");
    }

    private static Traffic saturday(double multiplier) {
        return new Traffic(Map.of(Cause.SATURDAY, multiplier));
    }

    private static List<String> list(String reasons) {
        return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("; "));
    }

}

package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.node.monitor.LoadHistory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The Saturday baseline works without configuration: last week's same hour, or the last
 * day's ordinary load times the calendar, or nothing.
 */
class SaturdayBaselineTests {

    /** A Saturday in the season: 5 x 1.5 = 7.5 times an ordinary day. */
    private static final Instant SATURDAY_NOON = Instant.parse("2026-06-13T12:20:00Z");

    /** A Saturday out of the season: 5 times. */
    private static final Instant WINTER_SATURDAY_NOON = Instant.parse("2026-11-07T12:20:00Z");

    private final Map<Instant, Double> hours = new HashMap<>();

    private final LoadHistory history = (at) -> {
        Double mean = this.hours.get(at.truncatedTo(ChronoUnit.HOURS));
        return (mean != null) ? OptionalDouble.of(mean) : OptionalDouble.empty();
    };

    @Test
    void theSameHourOfLastWeekIsTheBaseline() {
        hour(SATURDAY_NOON.minus(SaturdayBaseline.WEEK), 900);
        hour(SATURDAY_NOON.minusSeconds(3600), 10);

        assertThat(learned().expectedOpsPerSecond(SATURDAY_NOON)).isEqualTo(900.0);
    }

    @Test
    void lastWeekIsScaledByTheCalendarNowAgainstThen() {
        // 2026-10-31 is a Saturday in the season (7.5x); a week later it is not (5x).
        hour(WINTER_SATURDAY_NOON.minus(SaturdayBaseline.WEEK), 750);

        assertThat(learned().expectedOpsPerSecond(WINTER_SATURDAY_NOON)).isCloseTo(500.0, Offset.offset(1e-9));
    }

    @Test
    void untilAWeekIsKeptTheLastDaysOrdinaryHoursTimesTheCalendarAre() {
        // Friday 2026-06-12 in the season: 1.5x, no peak. 150 and 300 ops/s are 100 and
        // 200 ordinary; their mean, 150, times Saturday's 7.5 is 1125.
        hour(Instant.parse("2026-06-12T20:00:00Z"), 150);
        hour(Instant.parse("2026-06-12T21:00:00Z"), 300);
        // A Saturday hour is a peak: it says nothing of an ordinary day.
        hour(Instant.parse("2026-06-13T09:00:00Z"), 5000);

        assertThat(learned().expectedOpsPerSecond(SATURDAY_NOON)).isCloseTo(1125.0, Offset.offset(1e-9));
    }

    @Test
    void withoutAnyHistoryTheBaselineIsUnknown() {
        assertThat(learned().expectedOpsPerSecond(SATURDAY_NOON)).isNaN();
    }

    @Test
    void aConfiguredOrdinaryLoadWinsOverTheHistory() {
        hour(SATURDAY_NOON.minus(SaturdayBaseline.WEEK), 900);

        assertThat(new SaturdayBaseline(TrafficCalendar.standard(), ZoneOffset.UTC, 100, this.history)
            .expectedOpsPerSecond(SATURDAY_NOON)).isCloseTo(750.0, Offset.offset(1e-9));
    }

    @Test
    void aNegativeConfiguredLoadIsRefusedNamingIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SaturdayBaseline(TrafficCalendar.standard(), ZoneOffset.UTC, -1, this.history))
            .withMessage("configuredOrdinary (-1.0) must be a number of at least 0");
    }

    private SaturdayBaseline learned() {
        return new SaturdayBaseline(TrafficCalendar.standard(), ZoneOffset.UTC, 0, this.history);
    }

    private void hour(Instant at, double mean) {
        this.hours.put(at.truncatedTo(ChronoUnit.HOURS), mean);
    }

}

package com.wedsync.grid.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.config.calendar.TrafficMultipliers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SaturdayPlanTests {

    private static final LocalDate DECEMBER = LocalDate.parse("2026-12-05");

    @Test
    void thePeakIsTheCalendarsSaturdayTimesItsSeason() {
        assertThat(plan(DECEMBER).peakMultiplier()).isEqualTo(5);
        assertThat(plan(LocalDate.parse("2027-06-05")).peakMultiplier()).isEqualTo(7.5);
        assertThat(plan(DECEMBER).profile().multiplier(Duration.ofMinutes(4).plusSeconds(30).toNanos())).isEqualTo(5);
        assertThat(plan(DECEMBER).measured()).isEqualTo(Duration.ofSeconds(3 * 60 + 90 + 120 + 90 + 30));
    }

    @Test
    void theMembersClocksReadTheSaturdaysMidnightAsTheRampStarts() {
        Instant rampStart = Instant.parse("2026-12-03T22:57:30.400Z");

        Duration offset = plan(DECEMBER).clockOffset(rampStart);

        assertThat(rampStart.plus(offset)).isBetween(Instant.parse("2026-12-04T23:59:59Z"),
                Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(plan(DECEMBER).nodeOptions(offset, 1, 3)).contains("-Dgrid.clock.offset=90149s",
                "-Dgrid.scaling.member-capacity-ops-per-second=1000", "-Dgrid.scaling.lead-time=150s",
                "-Dgrid.scaling.load-window=60s", "-Dgrid.scaling.max-members=3");
    }

    @Test
    void theDefaultsNeedOneMemberForAnOrdinaryHourAndThreeForThePeak() {
        SaturdayPlan plan = plan(DECEMBER);

        assertThat(plan.membersFor(plan.ordinaryRate())).isEqualTo(1);
        assertThat(plan.membersFor(plan.ordinaryRate() * plan.peakMultiplier())).isEqualTo(3);
    }

    @Test
    void aDayThatIsNoSaturdayAndABadDurationAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> plan(LocalDate.parse("2026-12-04")))
            .withMessage("--saturday (2026-12-04) is a friday, not a Saturday");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SaturdayPlan(400, 1000, Duration.ofSeconds(30), Duration.ofMinutes(1),
                    Duration.ofMinutes(3), Duration.ZERO, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, DECEMBER,
                    TrafficMultipliers.DEFAULTS))
            .withMessage("--lead-time (30s) must be between 1m and 2h");
        assertThat(SaturdayPlan.nextSaturday(LocalDate.parse("2026-12-05"))).isEqualTo("2026-12-12");
        assertThat(SaturdayPlan.nextSaturday(LocalDate.parse("2026-12-03"))).isEqualTo(DECEMBER);
    }

    private static SaturdayPlan plan(LocalDate saturday) {
        return new SaturdayPlan(400, 1000, Duration.ofSeconds(150), Duration.ofMinutes(1), Duration.ofMinutes(3),
                Duration.ofSeconds(90), Duration.ofMinutes(2), Duration.ofSeconds(90), Duration.ofSeconds(30), saturday,
                TrafficMultipliers.DEFAULTS);
    }

}

package com.wedsync.grid.config.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclarationTests {

    /** Thursday 3 December 2026, 22:30 UTC: already Friday in Sydney. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T22:30:00Z"), ZoneOffset.UTC);

    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);

    @Test
    void aWeddingNamesTheFieldItRefuses() {
        assertRefused(() -> new Wedding("w-1", SATURDAY, "Europe/London", 0, 12), "guests", "guests (0) must be");
        assertRefused(() -> new Wedding("w-1", SATURDAY, "Europe/London", -5, 12), "guests", "guests (-5)");
        assertRefused(() -> new Wedding("w-1", SATURDAY, "Europe/London", 100, -1), "vendors", "vendors (-1)");
        assertRefused(() -> new Wedding("w-1", SATURDAY, "Mars/Olympus", 100, 12), "zone", "zone (Mars/Olympus)");
        assertRefused(() -> new Wedding("w-1", SATURDAY, null, 100, 12), "zone", "zone (null)");
        assertRefused(() -> new Wedding(" ", SATURDAY, "Europe/London", 100, 12), "id", "id ( ) must not be blank");
        assertRefused(() -> new Wedding("w-1", null, "Europe/London", 100, 12), "date", "date (null)");
        assertRefused(() -> new Wedding("x".repeat(257), SATURDAY, "UTC", 1, 0), "id", "at most 256");
    }

    @ParameterizedTest
    @ValueSource(strings = { "+01:00", "UTC+1", "GMT+2", "Z", "europe/london" })
    void aZoneThatIsNoIanaRegionIsRefused(String zone) {
        assertRefused(() -> new Wedding("w-1", SATURDAY, zone, 100, 12), "zone", "zone (" + zone + ")");
    }

    @Test
    void aDeadlineNamesTheFieldItRefuses() {
        assertRefused(() -> Deadline.rsvp("", SATURDAY, "UTC"), "weddingId", "weddingId ()");
        assertRefused(() -> new Deadline("w-1", null, SATURDAY, "UTC"), "kind", "kind (null)");
        assertRefused(() -> Deadline.vendor("w-1", SATURDAY, "Europe/Londn"), "zone", "zone (Europe/Londn)");
    }

    @Test
    void aDateBeforeTodayInTheDeclarationsZoneIsInThePast() {
        Wedding yesterday = new Wedding("w-1", LocalDate.of(2026, 12, 2), "Europe/London", 100, 12);
        assertRefused(() -> yesterday.requireNotPast(CLOCK), "date",
                "date (2026-12-02) must not be in the past (today in Europe/London is 2026-12-03)");
        Wedding todayInLondon = new Wedding("w-2", LocalDate.of(2026, 12, 3), "Europe/London", 100, 12);
        assertThat(todayInLondon.requireNotPast(CLOCK)).isSameAs(todayInLondon);
        Wedding todayInLondonInSydney = new Wedding("w-3", LocalDate.of(2026, 12, 3), "Australia/Sydney", 100, 12);
        assertRefused(() -> todayInLondonInSydney.requireNotPast(CLOCK), "date",
                "(today in Australia/Sydney is 2026-12-04)");
    }

    @Test
    void keysGiveOneWeddingAndOneDeadlineOfEachKindPerWeddingId() {
        List<Declaration> declarations = List.of(new Wedding("w-1", SATURDAY, "UTC", 100, 12),
                Deadline.rsvp("w-1", SATURDAY.minusDays(1), "UTC"), Deadline.vendor("w-1", SATURDAY, "UTC"));

        assertThat(declarations).extracting(Declaration::key).containsExactly("wedding/w-1", "rsvp/w-1", "vendor/w-1");
        assertThat(declarations).extracting(Declaration::occasion)
            .containsExactly(Occasion.wedding(SATURDAY), Occasion.rsvpDeadline(SATURDAY.minusDays(1)),
                    Occasion.vendorDeadline(SATURDAY));
    }

    @Test
    void aDeclarationIsKeptSevenDaysAfterTheEndOfItsDateInItsZone() {
        Wedding london = new Wedding("w-1", SATURDAY, "Europe/London", 100, 12);
        Wedding sydney = new Wedding("w-2", SATURDAY, "Australia/Sydney", 100, 12);

        // 2026-12-13T00:00 London (UTC+0) is 9 days 1.5 h after the clock.
        assertThat(CalendarMap.timeToLive(london, CLOCK)).isEqualTo(Duration.ofDays(9).plusMinutes(90));
        // Sydney is 11 h ahead in December: its 13 December starts 11 h sooner.
        assertThat(CalendarMap.timeToLive(sydney, CLOCK)).isEqualTo(Duration.ofDays(9).plusMinutes(90).minusHours(11));
    }

    @Test
    void betweenPicksTheDatesOfARangeInOrderAndRefusesAnInvertedOne() {
        Wedding first = new Wedding("w-1", SATURDAY, "UTC", 100, 12);
        Wedding later = new Wedding("w-2", SATURDAY.plusWeeks(2), "UTC", 100, 12);
        Deadline rsvp = Deadline.rsvp("w-1", SATURDAY.minusDays(1), "UTC");

        assertThat(CalendarMap.between(List.of(later, first, rsvp), SATURDAY.minusDays(1), SATURDAY))
            .containsExactly(rsvp, first);
        assertRefused(() -> CalendarMap.between(List.of(first), SATURDAY, SATURDAY.minusDays(1)), "to",
                "to (2026-12-04) must not be before from (2026-12-05)");
    }

    @Test
    void theCalendarOfDeclarationsCountsEveryWeddingOfADay() {
        List<Declaration> declarations = List.of(new Wedding("w-1", SATURDAY, "UTC", 100, 12),
                new Wedding("w-2", SATURDAY, "Europe/London", 80, 10),
                new Wedding("w-3", SATURDAY.plusDays(1), "UTC", 80, 10), Deadline.rsvp("w-1", SATURDAY, "UTC"));

        TrafficCalendar calendar = CalendarMap.calendar(TrafficMultipliers.DEFAULTS, declarations);

        assertThat(calendar.weddingsOn(SATURDAY)).isEqualTo(2);
        assertThat(calendar.weddingsOn(SATURDAY.plusDays(1))).isEqualTo(1);
        assertThat(calendar.weddingsOn(SATURDAY.minusDays(1))).isZero();
        assertThat(calendar.weddingsBetween(SATURDAY, SATURDAY.plusDays(6))).isEqualTo(3);
        assertThat(calendar.weddingsBetween(SATURDAY.plusDays(1), SATURDAY)).isZero();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String message) {
        assertThatThrownBy(call)
            .isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo(field))
            .hasMessageContaining(message);
    }

}

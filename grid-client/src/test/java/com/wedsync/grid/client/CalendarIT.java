package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Deadline;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.Wedding;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calendar through a client against two real members: what a client declares, both
 * members hold (as Compact records, with the expiry the map promises), a second
 * declaration replaces the first, a withdrawal removes a wedding and its deadlines, and a
 * date in the past stores nothing.
 */
class CalendarIT {

    private static final String ZONE = "Europe/London";

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of(ZONE));

    private static LoopbackGrid grid;

    private static GridCalendar calendar;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("calendar").start(2);
        calendar = TestClients.connect(grid).calendar();
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aWeddingAndItsDeadlinesAreListedByDateAndHeldByEveryMember() {
        Wedding wedding = new Wedding("w-listed", TODAY.plusDays(20), ZONE, 180, 12);
        Deadline rsvp = Deadline.rsvp("w-listed", TODAY.plusDays(6), ZONE);
        Deadline vendor = Deadline.vendor("w-listed", TODAY.plusDays(13), ZONE);

        calendar.declare(wedding);
        calendar.declare(vendor);
        calendar.declare(rsvp);

        assertThat(calendar.between(TODAY.plusDays(6), TODAY.plusDays(20))).containsExactly(rsvp, vendor, wedding);
        assertThat(calendar.between(TODAY.plusDays(7), TODAY.plusDays(19))).containsExactly(vendor);
        for (int member = 0; member < 2; member++) {
            IMap<String, Declaration> map = grid.member(member).getMap(CalendarMap.NAME);
            assertThat(map.get("wedding/w-listed")).isEqualTo(wedding);
            assertThat(map.get("rsvp/w-listed")).isEqualTo(rsvp);
        }
    }

    @Test
    void anEntryExpiresSevenDaysAfterItsDate() {
        Wedding wedding = new Wedding("w-expiry", TODAY.plusDays(3), ZONE, 90, 8);
        Duration expected = CalendarMap.timeToLive(wedding, Clock.systemUTC());

        calendar.declare(wedding);

        EntryView<String, Declaration> view = grid.member(0)
            .<String, Declaration>getMap(CalendarMap.NAME)
            .getEntryView("wedding/w-expiry");
        assertThat(Duration.ofMillis(view.getTtl())).isBetween(expected.minusMinutes(1), expected)
            .isGreaterThan(Duration.ofDays(10));
    }

    @Test
    void aSecondDeclarationReplacesTheFirstAndAWithdrawalRemovesTheWeddingAndItsDeadlines() {
        calendar.declare(new Wedding("w-moved", TODAY.plusDays(30), ZONE, 100, 10));
        calendar.declare(Deadline.rsvp("w-moved", TODAY.plusDays(9), ZONE));
        calendar.declare(Deadline.vendor("w-moved", TODAY.plusDays(20), ZONE));
        Wedding moved = new Wedding("w-moved", TODAY.plusDays(31), ZONE, 140, 11);

        calendar.declare(moved);

        assertThat(calendar.between(TODAY, TODAY.plusDays(40))).filteredOn((d) -> d.weddingId().equals("w-moved"))
            .hasSize(3)
            .contains(moved);
        assertThat(calendar.withdraw("w-moved")).isEqualTo(3);
        assertThat(calendar.between(TODAY, TODAY.plusDays(40))).noneMatch((d) -> d.weddingId().equals("w-moved"));
        assertThat(calendar.withdraw("w-moved")).isZero();
    }

    @Test
    void aDateInThePastIsRefusedNamingTheFieldAndNothingIsStored() {
        Wedding past = new Wedding("w-past", TODAY.minusDays(2), ZONE, 100, 10);

        assertThatThrownBy(() -> calendar.declare(past))
            .isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("date"))
            .hasMessageStartingWith("date (" + TODAY.minusDays(2) + ") must not be in the past");
        assertThat(grid.member(0).getMap(CalendarMap.NAME).containsKey("wedding/w-past")).isFalse();
    }

    @Test
    void anInvertedRangeIsRefusedNamingTo() {
        assertThatThrownBy(() -> calendar.between(TODAY, TODAY.minusDays(1)))
            .isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("to"));
        assertThat(calendar.between(TODAY.plusYears(5), TODAY.plusYears(5))).isEqualTo(List.of());
    }

}

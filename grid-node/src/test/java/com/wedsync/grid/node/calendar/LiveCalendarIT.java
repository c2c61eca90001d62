package com.wedsync.grid.node.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.TrafficMultipliers;
import com.wedsync.grid.config.calendar.Wedding;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The live calendar on a real member, the declarations written by another member: it
 * follows declarations and withdrawals, reads the map only after a change, and skips an
 * entry that is no declaration of its key with one WARN while still reading the others.
 */
class LiveCalendarIT {

    private static final LocalDate SATURDAY = LocalDate.now(ZoneOffset.UTC).plusWeeks(1);

    private final LoopbackGrid grid = LoopbackGrid.builder().name("live-calendar").start(2);

    private final Logger logger = (Logger) LoggerFactory.getLogger(StoredDeclarations.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private LiveCalendar calendar;

    private IMap<String, Declaration> writer;

    @BeforeEach
    void start() {
        this.logged.start();
        this.logger.addAppender(this.logged);
        HazelcastInstance member = this.grid.member(0);
        this.calendar = new LiveCalendar(new StoredDeclarations(member.getMap(CalendarMap.NAME)),
                TrafficMultipliers.DEFAULTS);
        this.writer = this.grid.member(1).getMap(CalendarMap.NAME);
    }

    @AfterEach
    void stop() {
        this.calendar.close();
        this.logger.detachAppender(this.logged);
        this.grid.close();
    }

    @Test
    void followsDeclarationsAndWithdrawalsAndReadsTheMapOnlyAfterAChange() {
        for (int i = 0; i < 400; i++) {
            CalendarMap.declare(this.writer, new Wedding("w-" + i, SATURDAY, "UTC", 120, 10), Clock.systemUTC());
        }
        await("400 weddings").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> this.calendar.get().weddingsOn(SATURDAY) == 400);
        int rebuilds = this.calendar.rebuilds();
        for (int i = 0; i < 20; i++) {
            assertThat(this.calendar.get().weddingsOn(SATURDAY)).isEqualTo(400);
        }
        assertThat(this.calendar.rebuilds()).as("no change, no read").isEqualTo(rebuilds);

        CalendarMap.withdraw(this.writer, "w-7");

        await("the withdrawal").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> this.calendar.get().weddingsOn(SATURDAY) == 399);
        assertThat(this.calendar.declarations()).hasSize(399);
    }

    @Test
    void anEntryThatIsNoDeclarationOfItsKeyIsSkippedWithOneWarning() {
        IMap<Object, Object> raw = this.grid.member(1).getMap(CalendarMap.NAME);
        raw.set("wedding/forged", "not a wedding");
        raw.set("wedding/w-elsewhere", new Wedding("w-other", SATURDAY, "UTC", 5000, 1));
        CalendarMap.declare(this.writer, new Wedding("w-real", SATURDAY, "UTC", 120, 10), Clock.systemUTC());

        await("the real wedding").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> this.calendar.get().weddingsOn(SATURDAY) == 1);
        CalendarMap.declare(this.writer, new Wedding("w-later", SATURDAY, "UTC", 120, 10), Clock.systemUTC());
        await("the later wedding").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> this.calendar.get().weddingsOn(SATURDAY) == 2);

        assertThat(warnings()).hasSize(2)
            .anySatisfy((warning) -> assertThat(warning).startsWith(
                    "event=calendar_entry_skipped map=grid_calendar key='wedding/forged' problem=its value is a java.lang.String"))
            .anySatisfy((warning) -> assertThat(warning).contains("key='wedding/w-elsewhere'",
                    "it holds the declaration of key wedding/w-other"));
    }

    private List<String> warnings() {
        return this.logged.list.stream()
            .filter((event) -> event.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    }

}

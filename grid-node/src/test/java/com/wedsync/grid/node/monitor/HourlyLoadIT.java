package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The oldest member writes each closed hour's mean cluster load to the IMap a restarted
 * member reads; an hour seen for less than half is not written, a younger member writes
 * nothing, and a forged value is skipped with a WARN naming the hour.
 */
class HourlyLoadIT {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final Instant NINE = Instant.parse("2026-06-13T09:00:00Z");

    private final LoopbackGrid grid = LoopbackGrid.builder().name("hourly-load").portSpan(2).start(1);

    private final Logger logger = (Logger) LoggerFactory.getLogger(HourlyLoad.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stop() {
        this.logger.detachAppender(this.logged);
        this.grid.close();
    }

    @Test
    void theOldestWritesTheMeanOfEachClosedHourAndAnotherMemberReadsIt() {
        HazelcastInstance member = this.grid.members().get(0);
        HourlyLoad recorder = new HourlyLoad(member, () -> true, INTERVAL);
        // 09:00-10:00 fully sampled, 100 then 300 ops/s: mean 200. 10:00-10:05 is open.
        sampleHour(recorder, NINE, 360, 100);
        sampleHour(recorder, NINE.plusSeconds(1800), 360, 300);
        sampleHour(recorder, NINE.plusSeconds(3600), 60, 50);

        HourlyLoad reader = new HourlyLoad(member, () -> false, INTERVAL);
        assertThat(reader.meanOpsPerSecond(NINE.plusSeconds(1234)).orElseThrow()).isEqualTo(200.0);
        assertThat(reader.meanOpsPerSecond(NINE.plusSeconds(3600))).as("the open hour").isEmpty();
        assertThat(member.getMap(HourlyLoad.MAP).getEntryView(NINE.toEpochMilli()).getTtl())
            .isEqualTo(HourlyLoad.KEPT.toMillis());
    }

    @Test
    void anHourSeenForLessThanHalfOrByAYoungerMemberIsNotWritten() {
        HazelcastInstance member = this.grid.members().get(0);
        AtomicBoolean oldest = new AtomicBoolean(true);
        HourlyLoad recorder = new HourlyLoad(member, oldest::get, INTERVAL);
        sampleHour(recorder, NINE.plusSeconds(2000), 300, 100);
        oldest.set(false);
        sampleHour(recorder, NINE.plusSeconds(3600), 720, 100);
        sampleHour(recorder, NINE.plusSeconds(7200), 1, 100);

        assertThat(member.getMap(HourlyLoad.MAP).size()).isZero();
    }

    @Test
    void aForgedValueIsSkippedWithAWarningNamingTheHour() {
        this.logged.start();
        this.logger.addAppender(this.logged);
        HazelcastInstance member = this.grid.members().get(0);
        member.getMap(HourlyLoad.MAP).set(NINE.toEpochMilli(), Double.NaN);
        member.getMap(HourlyLoad.MAP).set(NINE.plusSeconds(3600).toEpochMilli(), "lots");

        HourlyLoad reader = new HourlyLoad(member, () -> false, INTERVAL);

        assertThat(reader.meanOpsPerSecond(NINE)).isEmpty();
        assertThat(reader.meanOpsPerSecond(NINE.plusSeconds(3600))).isEmpty();
        assertThat(this.logged.list).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly(
                    "event=hourly_load_skipped hour=2026-06-13T09:00:00Z value='NaN'"
                            + " problem=not a finite number of at least 0",
                    "event=hourly_load_skipped hour=2026-06-13T10:00:00Z value='lots'"
                            + " problem=not a finite number of at least 0");
    }

    /** Samples every interval from {@code from}, with the cluster at a load. */
    private static void sampleHour(HourlyLoad recorder, Instant from, int samples, double opsPerSecond) {
        for (int i = 0; i < samples; i++) {
            Instant at = from.plus(INTERVAL.multipliedBy(i));
            recorder.onSample(new MemberSample(at, INTERVAL, "127.0.0.1:5701", List.of(), 0.5, 0, 0, 0, 0),
                    new ClusterFigures(1, opsPerSecond, Map.of(), Map.of(), 0, Map.of(), new ClientFigures(1, Map.of(),
                            new ClientClassFigures(0, 0, 0, opsPerSecond, 0, 0, Double.NaN, Double.NaN))));
        }
    }

}

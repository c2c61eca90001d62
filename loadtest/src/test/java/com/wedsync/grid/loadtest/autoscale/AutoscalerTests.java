package com.wedsync.grid.loadtest.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler's loop over a fleet that counts members (the processes themselves are
 * AutoscalerIT's): what it records, and that a watching one changes nothing.
 */
class AutoscalerTests {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T23:58:00Z"));

    private final CountingFleet fleet = new CountingFleet(1);

    @Test
    void aRiseOfTheAdviceIsFollowedAfterTheDelayAndEveryStepIsRecorded() {
        Autoscaler autoscaler = Autoscaler.following(this.fleet, new AutoscalePolicy(1, 3, Duration.ofSeconds(30)),
                Duration.ofSeconds(1), this.clock);

        this.fleet.desired = 2;
        autoscaler.poll();
        this.clock.advance(Duration.ofSeconds(29));
        autoscaler.poll();
        assertThat(this.fleet.members()).isEqualTo(1);
        this.clock.advance(Duration.ofSeconds(1));
        autoscaler.poll();

        assertThat(this.fleet.members()).isEqualTo(2);
        assertThat(autoscaler.members()).isEqualTo(2);
        assertThat(autoscaler.desired()).isEqualTo(2);
        assertThat(autoscaler.events()).extracting(ScalingEvent::kind)
            .containsExactly("desired", "start-requested", "starting", "joined");
        assertThat(autoscaler.events().get(0).detail()).isEqualTo("first read: asked");
        assertThat(autoscaler.events().get(3).detail()).isEqualTo("member-2");
        assertThat(autoscaler.events().get(3).at()).isEqualTo(Instant.parse("2026-12-04T23:58:30Z"));
    }

    @Test
    void aFailedStartIsRecordedAndTheNextChangeIsRequestedAgain() {
        Autoscaler autoscaler = Autoscaler.following(this.fleet, new AutoscalePolicy(1, 3, Duration.ZERO),
                Duration.ofSeconds(1), this.clock);
        this.fleet.desired = 2;
        this.fleet.failStarts = true;

        autoscaler.poll();
        autoscaler.poll();
        autoscaler.poll();

        assertThat(autoscaler.events()).extracting(ScalingEvent::kind)
            .containsExactly("desired", "start-requested", "starting", "failed", "start-requested");
        assertThat(autoscaler.events().get(3).detail()).isEqualTo("member-2 was not ready");
    }

    @Test
    void aWatchingAutoscalerRecordsTheAdviceAndChangesNothing() {
        Autoscaler autoscaler = Autoscaler.watching(this.fleet, Duration.ofSeconds(1), this.clock);

        this.fleet.desired = 3;
        autoscaler.poll();
        this.clock.advance(Duration.ofMinutes(5));
        autoscaler.poll();

        assertThat(autoscaler.follows()).isFalse();
        assertThat(this.fleet.members()).isEqualTo(1);
        assertThat(autoscaler.events()).extracting(ScalingEvent::kind).containsExactly("desired");
    }

    private static final class CountingFleet implements ScaledFleet {

        private int members;

        private int desired = -1;

        private boolean failStarts;

        CountingFleet(int members) {
            this.members = members;
        }

        @Override
        public int members() {
            return this.members;
        }

        @Override
        public Optional<Advice> advice() {
            return (this.desired < 0) ? Optional.empty() : Optional.of(new Advice(this.desired, List.of("asked")));
        }

        @Override
        public String startMember() {
            if (this.failStarts) {
                throw new IllegalStateException("member-" + (this.members + 1) + " was not ready");
            }
            return "member-" + ++this.members;
        }

        @Override
        public String stopMember() {
            return "member-" + this.members--;
        }

    }

    private static final class SteppedClock extends Clock {

        private Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

}

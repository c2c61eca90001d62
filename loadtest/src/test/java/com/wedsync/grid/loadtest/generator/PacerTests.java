package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTests {

    private final FakeTime time = new FakeTime();

    @Test
    void waitsByParkingThenSpinsTheLastStretch() {
        Pacer pacer = new Pacer(this.time::read, this.time::park, 100_000);

        pacer.awaitUntil(1_000_000);

        assertThat(this.time.parks).containsExactly(900_000L);
        assertThat(this.time.now).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void withoutSpinningItParksTheWholeWait() {
        Pacer pacer = new Pacer(this.time::read, this.time::park, 0);

        pacer.awaitUntil(1_000_000);

        assertThat(this.time.parks).containsExactly(1_000_000L);
    }

    @Test
    void behindScheduleItReturnsAtOnceWithoutSkippingOrWaiting() {
        Pacer pacer = new Pacer(this.time::read, this.time::park, 100_000);
        this.time.now = 5_000_000;

        pacer.awaitUntil(1_000_000);

        assertThat(this.time.parks).isEmpty();
        assertThat(this.time.reads).isEqualTo(1);
    }

    /** A clock that moves 1 µs per read (so spinning ends) and by the parked time per park. */
    private static final class FakeTime {

        private final List<Long> parks = new ArrayList<>();

        private long now;

        private int reads;

        long read() {
            this.reads++;
            long value = this.now;
            this.now += 1_000;
            return value;
        }

        void park(long nanos) {
            this.parks.add(nanos);
            this.now += nanos;
        }
    }
}

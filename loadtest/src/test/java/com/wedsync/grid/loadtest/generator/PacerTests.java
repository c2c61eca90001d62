package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void theLastStretchCanYieldInsteadOfSpinning() {
        List<Long> yieldedAt = new ArrayList<>();
        Pacer pacer = new Pacer(this.time::read, this.time::park, 100_000, () -> yieldedAt.add(this.time.now));

        pacer.awaitUntil(1_000_000);

        assertThat(this.time.parks).containsExactly(900_000L);
        // One read before parking, then a read and a yield per microsecond of the last
        // stretch.
        assertThat(yieldedAt).hasSizeBetween(98, 100)
            .allSatisfy((at) -> assertThat(at).isBetween(900_000L, 1_000_000L));
    }

    @Test
    void anUnknownWaitingModeIsRefusedNamingTheProperty() {
        String previous = System.setProperty(Pacer.SPIN_PROPERTY, "sometimes");
        try {
            assertThatIllegalArgumentException().isThrownBy(() -> Pacer.forRun(1, 1_000))
                .withMessage("-Dloadtest.spin=sometimes must be yield (the default), true (spin) or false (park)");
        }
        finally {
            if (previous == null) {
                System.clearProperty(Pacer.SPIN_PROPERTY);
            }
            else {
                System.setProperty(Pacer.SPIN_PROPERTY, previous);
            }
        }
    }

    @Test
    void threadsWhoseOperationsAreCloseTogetherParkAllTheWay() {
        // 1 thread: 5,000 ops/s is one every 200 us, the least gap that waits out the
        // last 100 us without parking.
        assertThat(Pacer.forRun(1, 5_000).spinNanos()).isEqualTo(Pacer.SPIN_NANOS);
        assertThat(Pacer.forRun(1, 5_001).spinNanos()).isZero();
        assertThat(Pacer.forRun(1, 0).spinNanos()).isEqualTo(Pacer.SPIN_NANOS);
        assertThat(Pacer.forRun(RunSettings.MAX_THREADS, 1).spinNanos()).isZero();
    }

    @Test
    void behindScheduleItReturnsAtOnceWithoutSkippingOrWaiting() {
        Pacer pacer = new Pacer(this.time::read, this.time::park, 100_000);
        this.time.now = 5_000_000;

        pacer.awaitUntil(1_000_000);

        assertThat(this.time.parks).isEmpty();
        assertThat(this.time.reads).isEqualTo(1);
    }

    /**
     * A clock that moves 1 µs per read (so spinning ends) and by the parked time per
     * park.
     */
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

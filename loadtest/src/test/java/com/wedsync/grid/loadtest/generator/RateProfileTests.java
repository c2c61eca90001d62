package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RateProfileTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theMultiplierHoldsThenRampsLinearlyToThePeak() {
        RateProfile profile = new RateProfile(5, Duration.ofSeconds(1), Duration.ofSeconds(4));

        assertThat(profile.multiplier(-SECOND)).isEqualTo(1);
        assertThat(profile.multiplier(SECOND)).isEqualTo(1);
        assertThat(profile.multiplier(2 * SECOND)).isEqualTo(2);
        assertThat(profile.multiplier(3 * SECOND)).isEqualTo(3);
        assertThat(profile.multiplier(5 * SECOND)).isEqualTo(5);
        assertThat(profile.multiplier(100 * SECOND)).isEqualTo(5);
    }

    @Test
    void theMultiplierRampsUpHoldsThePeakAndFallsBackToTheBaseRate() {
        RateProfile profile = new RateProfile(5, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        assertThat(profile.fallsBack()).isTrue();
        assertThat(profile.multiplier(3 * SECOND)).isEqualTo(3);
        assertThat(profile.multiplier(6 * SECOND)).isEqualTo(5);
        assertThat(profile.multiplier(7 * SECOND)).isEqualTo(5);
        assertThat(profile.multiplier(8 * SECOND)).isEqualTo(3);
        assertThat(profile.multiplier(9 * SECOND)).isEqualTo(1);
        assertThat(profile.multiplier(100 * SECOND)).isEqualTo(1);
        assertThat(new RateProfile(5, Duration.ZERO, Duration.ZERO).fallsBack()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "5, 1, 4, 2, 2", "0.25, 2, 3, 1, 2", "3, 1, 0, 2, 0", "7.5, 0, 2, 0, 3" })
    void nanosAtInvertsTheIntegralOfAMultiplierThatFallsBack(double peak, long hold, long ramp, long top, long fall) {
        RateProfile profile = new RateProfile(peak, Duration.ofSeconds(hold), Duration.ofSeconds(ramp),
                Duration.ofSeconds(top), Duration.ofSeconds(fall));
        long step = SECOND / 10_000;
        double work = -SECOND;
        for (long t = -SECOND; t <= 12 * SECOND; t += step) {
            assertThat(profile.nanosAt(work)).isCloseTo(t, within(10_000.0));
            work += step * profile.multiplier(t + step / 2);
        }
    }

    @Test
    void aMissingOrTooLongStretchIsRefusedByName() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RateProfile(5, Duration.ZERO, Duration.ZERO, Duration.ofDays(2), Duration.ZERO))
            .withMessage("top (2d) must be between 0 and 1d");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RateProfile(5, Duration.ZERO, Duration.ZERO, Duration.ZERO, null))
            .withMessage("fall must not be null");
    }

    @ParameterizedTest
    @CsvSource({ "5, 1, 4", "0.25, 2, 3", "1.0000001, 0, 5", "3, 1, 0", "1, 2, 2" })
    void nanosAtInvertsTheIntegralOfTheMultiplier(double peak, long holdSeconds, long rampSeconds) {
        RateProfile profile = new RateProfile(peak, Duration.ofSeconds(holdSeconds), Duration.ofSeconds(rampSeconds));
        long step = SECOND / 10_000;
        double work = -SECOND;
        for (long t = -SECOND; t <= 10 * SECOND; t += step) {
            // The work done by time t, integrated numerically (midpoint rule) from the
            // warm-up on.
            assertThat(profile.nanosAt(work)).isCloseTo(t, within(10_000.0));
            work += step * profile.multiplier(t + step / 2);
        }
    }

}

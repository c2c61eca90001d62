package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunSettingsTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aZeroRateMeansClosedLoop() {
        assertThat(RunSettings.closedLoop(2, SECOND).closedLoop()).isTrue();
        assertThat(RunSettings.openLoop(100, 2, SECOND).closedLoop()).isFalse();
    }

    @Test
    void theDeadlineBoundsWarmupDurationAndGrace() {
        RunSettings settings = new RunSettings(10, Arrival.POISSON, 1, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), 1);

        assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(37));
    }

    @ParameterizedTest
    @ValueSource(doubles = { -1, Double.NaN, Double.POSITIVE_INFINITY, 2e9 })
    void aBadRateIsRejectedNamingTheValue(double rate) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RunSettings(rate, Arrival.CONSTANT, 1, Duration.ZERO, SECOND, SECOND, 1))
            .withMessage("rate (" + rate
                    + ") must be 0 (closed loop) or a positive number of operations per second up to 1000000000");
    }

    @Test
    void anOpenLoopFactoryRejectsAZeroRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> RunSettings.openLoop(0, 1, SECOND))
            .withMessage("rate (0.0) must be positive for an open-loop run");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -3, 4097 })
    void aBadThreadCountIsRejectedNamingTheValue(int threads) {
        assertThatIllegalArgumentException().isThrownBy(() -> RunSettings.closedLoop(threads, SECOND))
            .withMessage("threads (" + threads + ") must be between 1 and 4096");
    }

    @Test
    void aMissingArrivalIsRejected() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RunSettings(5, null, 1, Duration.ZERO, SECOND, SECOND, 1))
            .withMessage("arrival must not be null; expected CONSTANT or POISSON");
    }

    @Test
    void durationsAreCheckedNamingTheFieldAndTheValue() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RunSettings(5, Arrival.CONSTANT, 1, Duration.ofMillis(-500), SECOND, SECOND, 1))
            .withMessage("warmup (-500ms) must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> RunSettings.openLoop(5, 1, Duration.ZERO))
            .withMessage("duration (0s) must be positive");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RunSettings(5, Arrival.CONSTANT, 1, Duration.ZERO, SECOND, null, 1))
            .withMessage("grace must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> RunSettings.openLoop(5, 1, Duration.ofDays(2)))
            .withMessage("duration (2d) must be at most 1d");
    }

}

package com.wedsync.grid.loadtest.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The soak's options: the warm-up as a duration or a share, the growth as a percentage or
 * a share, and every bad value refused naming the option and the value.
 */
class SoakOptionsTests {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void theWarmUpIsADurationOrAShareOfTheDuration() {
        assertThat(SoakOptions.warmup("5m", HALF_HOUR)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SoakOptions.warmup("20%", HALF_HOUR)).isEqualTo(Duration.ofMinutes(6));
        assertThat(SoakOptions.warmup("0.1", HALF_HOUR)).isEqualTo(Duration.ofMinutes(3));
        assertThat(SoakOptions.warmup("0", HALF_HOUR)).isZero();
    }

    @Test
    void theGrowthIsAPercentageOrAShare() {
        assertThat(SoakOptions.maxGrowth("10%")).isEqualTo(0.10);
        assertThat(SoakOptions.maxGrowth("0.25")).isEqualTo(0.25);
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SoakOptions.warmup("soon", HALF_HOUR))
            .withMessageContaining("--warmup (soon) is not a duration");
        assertThatIllegalArgumentException().isThrownBy(() -> SoakOptions.warmup("100%", HALF_HOUR))
            .withMessage("--warmup (100%) as a share of --duration must be below 100%");
        assertThatIllegalArgumentException().isThrownBy(() -> SoakOptions.maxGrowth("ten"))
            .withMessage("--max-growth (ten) is not a share; expected for example 10% or 0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> options(HALF_HOUR, HALF_HOUR, 30, 2000))
            .withMessage("--warmup (30m) must not be negative and must be shorter than --duration (30m)");
        assertThatIllegalArgumentException().isThrownBy(() -> options(Duration.ZERO, Duration.ZERO, 30, 2000))
            .withMessage("--duration (0s) must be positive and at most 1d");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SoakOptions(HALF_HOUR, Duration.ZERO, Duration.ofMillis(500), 2000, 2, 0.1))
            .withMessage("--sample-interval (500ms) must be at least 1s");
        assertThatIllegalArgumentException().isThrownBy(() -> options(HALF_HOUR, Duration.ofMinutes(29), 40, 2000))
            .withMessage("--sample-interval (40s) must fit twice into the time after the warm-up (1m), or there is "
                    + "nothing to compare");
        assertThatIllegalArgumentException().isThrownBy(() -> options(HALF_HOUR, Duration.ZERO, 30, 0))
            .withMessageStartingWith("--rate (0.0) must be a positive number of operations per second");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SoakOptions(HALF_HOUR, Duration.ZERO, Duration.ofSeconds(30), 2000, 0, 0.1))
            .withMessage("--threads (0) must be between 1 and 4096");
    }

    @Test
    void theLoadIsTheWarmUpThenTheRestOfTheDurationMeasured() {
        SoakOptions options = options(HALF_HOUR, Duration.ofMinutes(5), 30, 2000);

        assertThat(options.settings().warmup()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.settings().duration()).isEqualTo(Duration.ofMinutes(25));
        assertThat(options.settings().rate()).isEqualTo(2000);
    }

    private static SoakOptions options(Duration duration, Duration warmup, int intervalSeconds, double rate) {
        return new SoakOptions(duration, warmup, Duration.ofSeconds(intervalSeconds), rate, 2, 0.10);
    }

}

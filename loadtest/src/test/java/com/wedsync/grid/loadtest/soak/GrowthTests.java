package com.wedsync.grid.loadtest.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The growth judgement on fixed figures: the baseline is the median of the first quarter
 * after the warm-up, the last figure the maximum of the last quarter, and what happened
 * during the warm-up does not count.
 */
class GrowthTests {

    private static final double WARMUP = 60;

    @Test
    void aFlatSeriesPasses() {
        Growth growth = judge(samples(100, 100, 100, 100, 100, 100, 100, 100));

        assertThat(growth.pass()).isTrue();
        assertThat(growth.growth()).isZero();
    }

    @Test
    void growthOverTheAllowanceFailsWithItsFigures() {
        // After the warm-up: 100, 102, 104, ... 114; first quarter {100, 102} -> 101,
        // last quarter {112, 114} -> 114.
        Growth growth = judge(samples(100, 102, 104, 106, 108, 110, 112, 114));

        assertThat(growth.baseline()).isEqualTo(101.0);
        assertThat(growth.last()).isEqualTo(114.0);
        assertThat(growth.growth()).isCloseTo(13.0 / 101, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(growth.pass()).isFalse();
    }

    @Test
    void growthOfExactlyTheAllowancePasses() {
        assertThat(judge(samples(100, 100, 100, 100, 100, 100, 100, 110)).pass()).isTrue();
        assertThat(judge(samples(100, 100, 100, 100, 100, 100, 100, 110.1)).pass()).isFalse();
    }

    @Test
    void oneHighSampleInTheLastQuarterIsEnoughToFail() {
        assertThat(judge(samples(100, 100, 100, 100, 100, 100, 150, 100)).pass()).isFalse();
    }

    @Test
    void oneHighSampleInTheFirstQuarterDoesNotRaiseTheBaseline() {
        // First quarter of 12 samples: {100, 100, 300}, median 100; the last quarter at
        // 120 is 20 % more.
        Growth growth = judge(samples(100, 100, 300, 100, 100, 100, 100, 100, 100, 120, 120, 120));

        assertThat(growth.baseline()).isEqualTo(100.0);
        assertThat(growth.pass()).isFalse();
    }

    @Test
    void whatHappensDuringTheWarmUpDoesNotCount() {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(0, 10));
        samples.add(sample(30, 50));
        samples.addAll(samples(100, 100, 100, 105));

        Growth growth = judge(samples);

        assertThat(growth.baseline()).isEqualTo(100.0);
        assertThat(growth.pass()).isTrue();
    }

    @Test
    void shrinkingPasses() {
        Growth growth = judge(samples(200, 200, 150, 150, 100, 100, 100, 100));

        assertThat(growth.growth()).isEqualTo(-0.5);
        assertThat(growth.pass()).isTrue();
    }

    @Test
    void aWindowWithoutFiguresCannotBeJudgedAndFails() {
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(WARMUP, Map.of()));
        samples.addAll(samples(100, 100, 100));

        Growth growth = judge(samples);

        assertThat(growth.pass()).isFalse();
        assertThat(growth.growth()).isNull();
        assertThat(growth.note()).isEqualTo("not measured in the first quarter after the warm-up");
    }

    @Test
    void growthFromZeroFailsAndZeroThroughoutPasses() {
        assertThat(judge(samples(0, 0, 0, 5)).pass()).isFalse();
        assertThat(judge(samples(0, 0, 0, 5)).note()).isEqualTo("grew from 0");
        assertThat(judge(samples(0, 0, 0, 0)).pass()).isTrue();
    }

    @Test
    void noSampleAfterTheWarmUpIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> judge(List.of(sample(0, 1))))
            .withMessage("no sample of client after the warm-up (60.0 s)");
    }

    private static Growth judge(List<Sample> samples) {
        return Growth.judge("client", Series.LIVE_THREADS, samples, WARMUP, 0.10);
    }

    /** Samples every 10 s from the end of the warm-up on. */
    private static List<Sample> samples(double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(sample(WARMUP + 10 * i, values[i]));
        }
        return samples;
    }

    private static Sample sample(double seconds, double threads) {
        return new Sample(seconds, Map.of(Series.LIVE_THREADS, threads));
    }

}

package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MetronomeTests {

    private static final long ORIGIN = 5_000_000_000L;

    @Test
    void constantArrivalsAreEvenlySpacedFromTheOrigin() {
        Metronome metronome = Metronome.forThread(Arrival.CONSTANT, 1_000, 1, 0, ORIGIN, new SplittableRandom(1));

        assertThat(LongStream.generate(metronome::next).limit(4)).containsExactly(ORIGIN, ORIGIN + 1_000_000,
                ORIGIN + 2_000_000, ORIGIN + 3_000_000);
    }

    @Test
    void threadsShareTheRateAndAreStaggered() {
        List<Long> starts = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            Metronome metronome = Metronome.forThread(Arrival.CONSTANT, 4_000, 4, thread, ORIGIN,
                    new SplittableRandom(1));
            assertThat(metronome.intervalNanos()).isEqualTo(1_000_000);
            starts.add(metronome.next());
            starts.add(metronome.next());
        }

        assertThat(starts.stream().sorted().map((start) -> start - ORIGIN)).containsExactly(0L, 250_000L, 500_000L,
                750_000L, 1_000_000L, 1_250_000L, 1_500_000L, 1_750_000L);
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        Metronome metronome = Metronome.forThread(Arrival.CONSTANT, 3, 1, 0, ORIGIN, new SplittableRandom(1));
        for (int i = 0; i < 3_000; i++) {
            metronome.next();
        }

        assertThat(metronome.next() - ORIGIN).isCloseTo(1_000_000_000_000L, within(1L));
    }

    @Test
    void poissonArrivalsHaveTheMeanRateAndExponentialGaps() {
        Metronome metronome = Metronome.forThread(Arrival.POISSON, 2_000, 2, 1, ORIGIN, new SplittableRandom(7));
        int draws = 100_000;
        long previous = ORIGIN;
        double sumOfSquares = 0;
        for (int i = 0; i < draws; i++) {
            long next = metronome.next();
            assertThat(next).isGreaterThanOrEqualTo(previous);
            sumOfSquares += Math.pow(next - previous, 2);
            previous = next;
        }
        double mean = (previous - ORIGIN) / (double) draws;
        double stdDev = Math.sqrt(sumOfSquares / draws - mean * mean);

        assertThat(mean).isCloseTo(1_000_000, within(20_000.0));
        // An exponential distribution's standard deviation equals its mean; constant
        // spacing would give 0.
        assertThat(stdDev / mean).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aRampRaisesTheOperationsPerSecondAsTheProfileSays() {
        // Base 1,000 ops/s over 2 threads; a 1 s warm-up, 1 s hold, then 1x to 5x over 4
        // s.
        RateProfile ramp = new RateProfile(5, Duration.ofSeconds(1), Duration.ofSeconds(4));
        long[] perSecond = perSecond(Arrival.CONSTANT, 1_000, 2, ramp, 9);

        // Warm-up and hold at the base rate; each ramp second the mean of its
        // multipliers; then the peak.
        assertThat(perSecond).hasSize(9);
        long[] expected = { 1_000, 1_000, 1_500, 2_500, 3_500, 4_500, 5_000, 5_000, 5_000 };
        for (int second = 0; second < expected.length; second++) {
            assertThat(perSecond[second]).as("second %d", second - 1).isCloseTo(expected[second], within(2L));
        }
    }

    @Test
    void aPoissonScheduleFollowsTheRampOnAverage() {
        RateProfile ramp = new RateProfile(0.25, Duration.ZERO, Duration.ofSeconds(3));
        long[] perSecond = perSecond(Arrival.POISSON, 40_000, 4, ramp, 5);

        // 1x to 0.25x over 3 s: means 0.875, 0.625, 0.375, then 0.25; counts of ~10,000
        // to 40,000 vary by ~1 %.
        long[] expected = { 40_000, 35_000, 25_000, 15_000, 10_000 };
        for (int second = 0; second < expected.length; second++) {
            assertThat((double) perSecond[second]).as("second %d", second - 1)
                .isCloseTo(expected[second], within(expected[second] * 0.04));
        }
    }

    @Test
    void aProfileThatNeverChangesTheRateKeepsTheConstantSchedule() {
        RateProfile flat = new RateProfile(1, Duration.ofSeconds(1), Duration.ofSeconds(2));
        Metronome constant = Metronome.forThread(Arrival.CONSTANT, 3, 2, 1, ORIGIN, new SplittableRandom(1));
        Metronome profiled = Metronome.forThread(Arrival.CONSTANT, 3, 2, 1, ORIGIN, new SplittableRandom(1),
                ORIGIN + 500_000_000L, flat);

        assertThat(LongStream.generate(profiled::next).limit(1_000))
            .containsExactlyElementsOf(LongStream.generate(constant::next).limit(1_000).boxed().toList());
    }

    @Test
    void aSteppedRateDoesNotDriftOverMillionsOfOperations() {
        // 3 ops/s, stepped to 6 ops/s at the start of the measured phase, for 3 days'
        // worth of operations.
        Metronome metronome = Metronome.forThread(Arrival.CONSTANT, 3, 1, 0, ORIGIN, new SplittableRandom(1), ORIGIN,
                new RateProfile(2, Duration.ZERO, Duration.ZERO));
        for (int i = 0; i < 1_555_200; i++) {
            metronome.next();
        }

        assertThat(metronome.next() - ORIGIN).isCloseTo(259_200_000_000_000L, within(1L));
    }

    @Test
    void poissonArrivalsAreReproducibleFromTheSeed() {
        Metronome first = Metronome.forThread(Arrival.POISSON, 500, 1, 0, ORIGIN, new SplittableRandom(3));
        Metronome second = Metronome.forThread(Arrival.POISSON, 500, 1, 0, ORIGIN, new SplittableRandom(3));

        assertThat(LongStream.generate(first::next).limit(100))
            .containsExactlyElementsOf(LongStream.generate(second::next).limit(100).boxed().toList());
    }

    /**
     * The intended starts of all threads per second, from 1 s before the measured phase
     * starts.
     */
    private static long[] perSecond(Arrival arrival, double rate, int threads, RateProfile profile, int seconds) {
        long measureStart = ORIGIN + 1_000_000_000L;
        long[] counts = new long[seconds];
        SplittableRandom seeds = new SplittableRandom(5);
        for (int thread = 0; thread < threads; thread++) {
            Metronome metronome = Metronome.forThread(arrival, rate, threads, thread, ORIGIN, seeds.split(),
                    measureStart, profile);
            for (long start = metronome.next(); start - ORIGIN < seconds * 1_000_000_000L; start = metronome.next()) {
                counts[(int) ((start - ORIGIN) / 1_000_000_000L)]++;
            }
        }
        return counts;
    }

}

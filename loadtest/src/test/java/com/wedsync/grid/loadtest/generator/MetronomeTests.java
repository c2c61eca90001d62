package com.wedsync.grid.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

        assertThat(LongStream.generate(metronome::next).limit(4))
            .containsExactly(ORIGIN, ORIGIN + 1_000_000, ORIGIN + 2_000_000, ORIGIN + 3_000_000);
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

        assertThat(starts.stream().sorted().map((start) -> start - ORIGIN))
            .containsExactly(0L, 250_000L, 500_000L, 750_000L, 1_000_000L, 1_250_000L, 1_500_000L, 1_750_000L);
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
        // An exponential distribution's standard deviation equals its mean; constant spacing would give 0.
        assertThat(stdDev / mean).isCloseTo(1.0, within(0.05));
    }

    @Test
    void poissonArrivalsAreReproducibleFromTheSeed() {
        Metronome first = Metronome.forThread(Arrival.POISSON, 500, 1, 0, ORIGIN, new SplittableRandom(3));
        Metronome second = Metronome.forThread(Arrival.POISSON, 500, 1, 0, ORIGIN, new SplittableRandom(3));

        assertThat(LongStream.generate(first::next).limit(100))
            .containsExactlyElementsOf(LongStream.generate(second::next).limit(100).boxed().toList());
    }
}

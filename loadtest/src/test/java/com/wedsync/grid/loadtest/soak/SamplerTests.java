package com.wedsync.grid.loadtest.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sampling schedule, driven by the load's elapsed time: at the start, every interval,
 * at the end of the warm-up and at the end; a process that cannot be read is on the
 * record without figures.
 */
class SamplerTests {

    @Test
    void samplesAtTheStartEveryIntervalAtTheEndOfTheWarmUpAndAtTheEnd() {
        Counting probe = new Counting("client");
        Sampler sampler = new Sampler(List.of(probe), Duration.ofSeconds(30), Duration.ofSeconds(45),
                Duration.ofSeconds(100));

        for (int second = 0; second <= 100; second++) {
            sampler.offer(Duration.ofSeconds(second));
        }

        assertThat(sampler.samples()).singleElement()
            .satisfies((process) -> assertThat(process.samples()).extracting(Sample::seconds)
                .containsExactly(0.0, 30.0, 45.0, 60.0, 90.0, 100.0));
        assertThat(probe.reads.get()).isEqualTo(6);
    }

    @Test
    void ticksThatSkipAheadTakeOneSampleNotOnePerMissedInterval() {
        Sampler sampler = new Sampler(List.of(new Counting("client")), Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofSeconds(60));

        assertThat(sampler.offer(Duration.ZERO)).isTrue();
        assertThat(sampler.offer(Duration.ofSeconds(35))).isTrue();
        assertThat(sampler.offer(Duration.ofSeconds(36))).isFalse();
        assertThat(sampler.offer(Duration.ofSeconds(40))).isTrue();
    }

    @Test
    void aProcessThatCannotBeReadIsRecordedWithoutFiguresAndNamed() {
        ProcessProbe failing = new Counting("member-1") {
            @Override
            public Map<Series, Double> read() {
                throw new IllegalStateException("/actuator/prometheus on member-1 answered nothing");
            }
        };
        Sampler sampler = new Sampler(List.of(new Counting("client"), failing), Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofSeconds(60));

        sampler.offer(Duration.ofSeconds(20));

        assertThat(sampler.failures())
            .containsExactly("member-1 at 20 s: /actuator/prometheus on member-1 answered nothing");
        assertThat(sampler.samples().get(1).samples()).singleElement()
            .satisfies((sample) -> assertThat(sample.values()).isEmpty());
        assertThat(sampler.samples().get(0).samples().get(0).value(Series.LIVE_THREADS)).isEqualTo(1.0);
    }

    private static class Counting implements ProcessProbe {

        private final String name;

        final AtomicInteger reads = new AtomicInteger();

        Counting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return this.name;
        }

        @Override
        public Set<Series> series() {
            return Set.of(Series.LIVE_THREADS);
        }

        @Override
        public Map<Series, Double> read() {
            return Map.of(Series.LIVE_THREADS, (double) this.reads.incrementAndGet());
        }

    }

}

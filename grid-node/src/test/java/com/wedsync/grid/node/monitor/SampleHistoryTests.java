package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleHistoryTests {

    private static final Instant T0 = Instant.parse("2026-06-13T12:00:00Z");

    @Test
    void coversADayAtTheDefaultIntervalWithinItsBound() {
        assertThat(SampleHistory.covering(Duration.ofHours(24), Duration.ofSeconds(5)).capacity()).isEqualTo(17_280);
        assertThat(SampleHistory.covering(Duration.ofHours(24), Duration.ofMillis(250)).capacity())
            .isEqualTo(SampleHistory.MAX_CAPACITY);
        assertThat(SampleHistory.covering(Duration.ofMinutes(1), Duration.ofSeconds(5)).capacity()).isEqualTo(12);
    }

    @Test
    void aFullHistoryDropsTheOldestSample() {
        SampleHistory history = new SampleHistory(3);
        for (int i = 0; i < 5; i++) {
            history.add(sample(i));
        }

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.since(T0)).extracting(MemberSample::at)
            .containsExactly(T0.plusSeconds(10), T0.plusSeconds(15), T0.plusSeconds(20));
        assertThat(history.latest()).map(MemberSample::at).contains(T0.plusSeconds(20));
        assertThat(history.since(T0.plusSeconds(16))).hasSize(1);
    }

    @Test
    void aCapacityOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new SampleHistory(0)).hasMessage("capacity (0) must be between 1 and 17280");
        assertThatThrownBy(() -> SampleHistory.covering(Duration.ofHours(1), Duration.ZERO))
            .hasMessage("interval (PT0S) must be positive");
    }

    private static MemberSample sample(int n) {
        return new MemberSample(T0.plusSeconds(5L * n), Duration.ofSeconds(5), "127.0.0.1:5701", List.of(), 0.5, 0, 0,
                0, 0);
    }

}

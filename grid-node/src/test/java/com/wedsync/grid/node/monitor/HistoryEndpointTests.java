package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

class HistoryEndpointTests {

    private static final Instant NOW = Instant.parse("2026-06-13T18:00:00Z");

    private final SampleHistory history = SampleHistory.covering(Duration.ofHours(24), Duration.ofSeconds(5));

    private final HistoryEndpoint endpoint = new HistoryEndpoint(this.history, Duration.ofHours(24),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theLastHourIsAnsweredSampleBySampleUnlessAskedOtherwise() {
        fill(Duration.ofHours(2));

        HistoryView view = this.endpoint.history(null);

        assertThat(view.window()).isEqualTo("1h");
        assertThat(view.samples()).isEqualTo(721);
        assertThat(view.step()).isEqualTo(2);
        assertThat(view.points()).hasSize(361);
        assertThat(view.points().get(view.points().size() - 1).at()).as("the newest is always shown").isEqualTo(NOW);
        assertThat(view.points().get(0).at()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void aDayIsThinnedToAtMost720PointsAndAQuietSampleHasNoLatency() {
        fill(Duration.ofHours(24));

        HistoryView view = this.endpoint.history("24h");

        assertThat(view.samples()).isEqualTo(17_280);
        assertThat(view.points()).hasSizeLessThanOrEqualTo(HistoryEndpoint.MAX_POINTS);
        assertThat(view.points()).allSatisfy((point) -> {
            assertThat(point.latencyMs()).isNull();
            assertThat(point.opsPerSecond()).isZero();
        });
    }

    @Test
    void anEmptyHistoryAnswersNoPoints() {
        HistoryView view = this.endpoint.history("10m");

        assertThat(view.samples()).isZero();
        assertThat(view.points()).isEmpty();
    }

    @Test
    void aWindowThatIsNoDurationOrLongerThanTheHistoryIsABadRequestNamingIt() {
        assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> this.endpoint.history("soon"))
            .withMessage("window (soon) is not a duration; expected a form such as 30s, 15m, 24h or 7d");
        assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> this.endpoint.history("2d"))
            .withMessage("window (2d) must be between 1s and the kept history, 1d");
        assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> this.endpoint.history("0s"))
            .withMessage("window (0s) must be between 1s and the kept history, 1d");
    }

    /** Samples 5 s apart up to now, over a period. */
    private void fill(Duration period) {
        for (long s = period.toSeconds(); s >= 0; s -= 5) {
            this.history.add(new MemberSample(NOW.minusSeconds(s), Duration.ofSeconds(5), "127.0.0.1:5701", List.of(),
                    0.5, 0, 0, 0, 0));
        }
    }

}

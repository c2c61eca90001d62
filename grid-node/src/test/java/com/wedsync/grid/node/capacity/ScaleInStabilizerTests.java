package com.wedsync.grid.node.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleInStabilizerTests {

    private static final Instant T0 = Instant.parse("2026-06-13T12:00:00Z");

    private final ScaleInStabilizer stabilizer = new ScaleInStabilizer(Duration.ofMinutes(5));

    @Test
    void aScaleOutPassesAtOnce() {
        this.stabilizer.stabilize(T0, advice(2));

        assertThat(this.stabilizer.stabilize(T0.plusSeconds(5), advice(4)).desiredMembers()).isEqualTo(4);
    }

    @Test
    void aScaleInPassesOnlyOnceTheHigherCountIsOlderThanTheWindow() {
        this.stabilizer.stabilize(T0, advice(4));
        this.stabilizer.stabilize(T0.plusSeconds(60), advice(3));

        ScalingAdvice held = this.stabilizer.stabilize(T0.plusSeconds(300), advice(2));
        assertThat(held.desiredMembers()).isEqualTo(4);
        assertThat(held.reasons()).containsExactly("advised",
                "hold 4: a scale-in to 2 waits until lower counts have been advised for 5m (4 advised 5m ago)");
        assertThat(this.stabilizer.stabilize(T0.plusSeconds(305), advice(2)).desiredMembers())
            .as("the 3 advised at 60 s still holds")
            .isEqualTo(3);
        assertThat(this.stabilizer.stabilize(T0.plusSeconds(361), advice(2))).isEqualTo(advice(2));
    }

    @Test
    void aZeroWindowPassesEveryAdvice() {
        ScaleInStabilizer none = new ScaleInStabilizer(Duration.ZERO);
        none.stabilize(T0, advice(4));

        assertThat(none.stabilize(T0.plusSeconds(5), advice(1)).desiredMembers()).isEqualTo(1);
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScaleInStabilizer(Duration.ofSeconds(-1)))
            .withMessage("window (PT-1S) must not be negative");
    }

    private static ScalingAdvice advice(int members) {
        return new ScalingAdvice(members, List.of("advised"));
    }

}

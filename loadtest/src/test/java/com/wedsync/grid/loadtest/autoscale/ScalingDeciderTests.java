package com.wedsync.grid.loadtest.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.loadtest.autoscale.ScalingDecider.Step;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScalingDeciderTests {

    private static final long SECOND = 1_000_000_000L;

    private final ScalingDecider decider = new ScalingDecider(new AutoscalePolicy(1, 3, Duration.ofSeconds(30)));

    @Test
    void aMemberIsStartedAProvisioningDelayAfterTheAdviceRoseAndNotBefore() {
        assertThat(this.decider.decide(0, 1, OptionalInt.of(1))).isEqualTo(Step.NONE);
        assertThat(this.decider.decide(5 * SECOND, 1, OptionalInt.of(3))).isEqualTo(Step.START_REQUESTED);
        assertThat(this.decider.due()).hasValue(35 * SECOND);
        assertThat(this.decider.decide(34 * SECOND, 1, OptionalInt.of(3))).isEqualTo(Step.WAITING);
        assertThat(this.decider.decide(35 * SECOND, 1, OptionalInt.of(3))).isEqualTo(Step.START);
        assertThat(this.decider.due()).isEmpty();
    }

    @Test
    void oneChangeAtATimeEachWithItsOwnDelay() {
        this.decider.decide(0, 1, OptionalInt.of(3));
        assertThat(this.decider.decide(30 * SECOND, 1, OptionalInt.of(3))).isEqualTo(Step.START);
        // The member joined at 45 s: the second one is requested then, due 30 s later.
        assertThat(this.decider.decide(45 * SECOND, 2, OptionalInt.of(3))).isEqualTo(Step.START_REQUESTED);
        assertThat(this.decider.decide(60 * SECOND, 2, OptionalInt.of(3))).isEqualTo(Step.WAITING);
        assertThat(this.decider.decide(75 * SECOND, 2, OptionalInt.of(3))).isEqualTo(Step.START);
        assertThat(this.decider.decide(90 * SECOND, 3, OptionalInt.of(3))).isEqualTo(Step.NONE);
    }

    @Test
    void aChangeTheAdviceNoLongerAsksForWhenDueIsDropped() {
        this.decider.decide(0, 1, OptionalInt.of(2));
        assertThat(this.decider.decide(30 * SECOND, 1, OptionalInt.of(1))).isEqualTo(Step.DROPPED);
        assertThat(this.decider.decide(31 * SECOND, 1, OptionalInt.of(1))).isEqualTo(Step.NONE);
    }

    @Test
    void aMemberIsStoppedWhenTheAdviceFallsAndTheBoundsAreKept() {
        assertThat(this.decider.decide(0, 3, OptionalInt.of(2))).isEqualTo(Step.STOP_REQUESTED);
        assertThat(this.decider.decide(30 * SECOND, 3, OptionalInt.of(2))).isEqualTo(Step.STOP);
        // Above the most members, and below the fewest: nothing to do at the bound.
        assertThat(this.decider.decide(40 * SECOND, 3, OptionalInt.of(7))).isEqualTo(Step.NONE);
        assertThat(this.decider.decide(50 * SECOND, 1, OptionalInt.of(0))).isEqualTo(Step.NONE);
    }

    @Test
    void anUnknownAdviceChangesNothingAndDropsAChangeDue() {
        assertThat(this.decider.decide(0, 1, OptionalInt.empty())).isEqualTo(Step.NONE);
        this.decider.decide(SECOND, 1, OptionalInt.of(2));
        assertThat(this.decider.decide(31 * SECOND, 1, OptionalInt.empty())).isEqualTo(Step.DROPPED);
    }

    @Test
    void withoutADelayTheChangeIsCarriedOutAtTheNextDecision() {
        ScalingDecider immediate = new ScalingDecider(new AutoscalePolicy(1, 3, Duration.ZERO));

        assertThat(immediate.decide(0, 1, OptionalInt.of(2))).isEqualTo(Step.START_REQUESTED);
        assertThat(immediate.decide(1, 1, OptionalInt.of(2))).isEqualTo(Step.START);
    }

    @Test
    void badBoundsAndDelaysAreRefusedNamingTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoscalePolicy(0, 3, Duration.ZERO))
            .withMessage("--min-members (0) must be between 1 and 9");
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoscalePolicy(2, 1, Duration.ZERO))
            .withMessage("--max-members (1) must be between --min-members (2) and 9");
        assertThatIllegalArgumentException().isThrownBy(() -> new AutoscalePolicy(1, 3, Duration.ofSeconds(-1)))
            .withMessage("--provisioning-delay (-1s) must be between 0s and 1h");
    }

}

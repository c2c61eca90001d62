package com.wedsync.grid.config.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficMultipliersTests {

    @Test
    void withNoVariableSetTheSpecsMultipliersApply() {
        assertThat(TrafficMultipliers.fromEnvironment(Map.of())).isEqualTo(new TrafficMultipliers(5, 1.5, 2.5, 4, 2));
        assertThat(TrafficMultipliers.fromEnvironment(Map.of("SATURDAY_BOOST_MULTIPLIER", " ")))
            .isEqualTo(TrafficMultipliers.DEFAULTS);
    }

    @Test
    void theVariablesOverrideSaturdayAndSeasonOnly() {
        TrafficMultipliers multipliers = TrafficMultipliers.fromEnvironment(
                Map.of("SATURDAY_BOOST_MULTIPLIER", " 6.25 ", "WEDDING_SEASON_MULTIPLIER", "1", "OTHER", "x"));

        assertThat(multipliers).isEqualTo(new TrafficMultipliers(6.25, 1, 2.5, 4, 2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = { "abc", "0.5", "0", "-2", "101", "100.5", "1e2", "NaN", "Infinity", "5x", "5d", "0x10", "5,5" })
    void aSaturdayBoostThatIsNotANumberFrom1To100IsRejectedNamingTheVariable(String value) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TrafficMultipliers.fromEnvironment(Map.of("SATURDAY_BOOST_MULTIPLIER", value)))
            .withMessage("SATURDAY_BOOST_MULTIPLIER (" + value + ") must be a number between 1 and 100");
    }

    @Test
    void aBadSeasonMultiplierIsRejectedNamingTheVariable() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TrafficMultipliers.fromEnvironment(Map.of("WEDDING_SEASON_MULTIPLIER", "0.9")))
            .withMessage("WEDDING_SEASON_MULTIPLIER (0.9) must be a number between 1 and 100");
    }

    @Test
    void theBoundsAreAccepted() {
        assertThat(TrafficMultipliers
            .fromEnvironment(Map.of("SATURDAY_BOOST_MULTIPLIER", "100", "WEDDING_SEASON_MULTIPLIER", "1.0"))
            .saturday()).isEqualTo(100);
    }

    @Test
    void aMultiplierOutOfRangeIsRejectedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrafficMultipliers(5, 1.5, 0.5, 4, 2))
            .withMessage("rsvpDeadlineEvening (0.5) must be a number between 1 and 100");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrafficMultipliers(5, 1.5, 2.5, Double.NaN, 2))
            .withMessage("photoUploads (NaN) must be a number between 1 and 100");
        assertThatIllegalArgumentException().isThrownBy(() -> new TrafficMultipliers(5, 1.5, 2.5, 4, 250))
            .withMessage("vendorDeadline (250) must be a number between 1 and 100");
    }

    @Test
    void aTrafficFactorOfOneOrLessIsRejectedNamingTheCause() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Traffic(Map.of(Cause.SATURDAY, 1.0)))
            .withMessage("factors.SATURDAY (1) must be above 1 and at most 100");
    }

}

package com.wedsync.grid.node.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalingInputsTests {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-06-20T12:00:00+01:00[Europe/London]");

    @Test
    void theDefaultPolicyHasATwoHourLeadTimeAndAQuarterHeadroom() {
        ScalingPolicy policy = ScalingPolicy.of(2, 10);

        assertThat(policy.leadTime()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.headroom()).isEqualTo(0.25);
        assertThat(policy.scaleInMemoryCeiling()).isEqualTo(0.70);
        assertThat(policy.scaleInBand()).isEqualTo(0.20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 | 10   | PT2H  | 0.25 | 0.7 | minMembers (0) must be at least 1
            3 | 2    | PT2H  | 0.25 | 0.7 | maxMembers (2) must be between minMembers (3) and 1000
            1 | 1001 | PT2H  | 0.25 | 0.7 | maxMembers (1001) must be between minMembers (1) and 1000
            1 | 10   | PT30S | 0.25 | 0.7 | leadTime (30s) must be between 1m and 7d
            1 | 10   | P8D   | 0.25 | 0.7 | leadTime (8d) must be between 1m and 7d
            1 | 10   | PT2H  | -0.1 | 0.7 | headroom (-0.1) must be between 0 and 1
            1 | 10   | PT2H  | NaN  | 0.7 | headroom (NaN) must be between 0 and 1
            1 | 10   | PT2H  | 0.25 | 0   | scaleInMemoryCeiling (0.0) must be above 0 and at most 1
            1 | 10   | PT2H  | 0.25 | 1.5 | scaleInMemoryCeiling (1.5) must be above 0 and at most 1
            """)
    void aPolicyOutOfRangeIsRejectedNamingTheField(int min, int max, Duration lead, double headroom, double ceiling,
            String message) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ScalingPolicy(min, max, lead, headroom, ceiling, 0.2, 500))
            .withMessage(message);
    }

    @Test
    void aScaleInBandOutOfRangeIsRejectedNamingTheField() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ScalingPolicy(1, 10, Duration.ofHours(2), 0.25, 0.7, -0.1, 500))
            .withMessage("scaleInBand (-0.1) must be between 0 and 1");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ScalingPolicy(1, 10, Duration.ofHours(2), 0.25, 0.7, Double.NaN, 500))
            .withMessage("scaleInBand (NaN) must be between 0 and 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -1       | 30000    | 0.4      | 2 | loadOpsPerSecond (-1.0) must be a number of at least 0
            NaN      | 30000    | 0.4      | 2 | loadOpsPerSecond (NaN) must be a number of at least 0
            Infinity | 30000    | 0.4      | 2 | loadOpsPerSecond (Infinity) must be a number of at least 0
            1000     | 0        | 0.4      | 2 | memberCapacityOpsPerSecond (0.0) must be a positive number
            1000     | NaN      | 0.4      | 2 | memberCapacityOpsPerSecond (NaN) must be a positive number
            1000     | 30000    | -0.1     | 2 | memoryUsedShare (-0.1) must be a number of at least 0
            1000     | 30000    | 0.4      | 0 | members (0) must be at least 1
            """)
    void aSnapshotOutOfRangeIsRejectedNamingTheField(double load, double capacity, double memory, int members,
            String message) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ClusterSnapshot(NOW, load, capacity, memory, Map.of(), members, true))
            .withMessage(message);
    }

    @Test
    void missingPartsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> new ClusterSnapshot(null, 1, 1, 0, Map.of(), 1, true))
            .withMessage("now is missing");
        assertThatNullPointerException().isThrownBy(() -> new ClusterSnapshot(NOW, 1, 1, 0, null, 1, true))
            .withMessage("activeAlerts are missing");
        assertThatNullPointerException().isThrownBy(() -> new ScalingPolicy(1, 2, null, 0, 1, 0, 0))
            .withMessage("leadTime is missing");
    }

    @Test
    void adviceNeedsAtLeastOneMember() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScalingAdvice(0, List.of()))
            .withMessage("desiredMembers (0) must be at least 1");
    }

}

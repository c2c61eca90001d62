package com.wedsync.grid.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTests {

    @Test
    void aTargetHoldsTheHighestRateWhoseMedianP99IsWithinTheLimitAndWhoseRateItKept() {
        Capacity capacity = Capacity.of(List.of(comparison(10_000, 3_000, 9_990, 4_000, 9_990),
                comparison(20_000, 20_000, 19_990, 8_000, 19_990), comparison(40_000, 900_000, 30_000, 9_000, 36_000)),
                10_000);

        assertThat(capacity.targets().get("redis").highestRateHeld()).isEqualTo(10_000);
        // Within the p99 limit at 40K, but 36K achieved is under 95 % of it.
        assertThat(capacity.targets().get("grid").highestRateHeld()).isEqualTo(20_000);
        assertThat(capacity.targets().get("grid").medianP99MicrosByRate()).containsEntry(40_000.0, 9_000.0);
        assertThat(capacity.markdown("redis")).contains("| grid | 4,000 us | 8,000 us | 9,000 us | 20,000 | 2.00 |");
    }

    @Test
    void aTargetThatHoldsNoRateHasZeroAndNoRatio() {
        Capacity capacity = Capacity.of(List.of(comparison(10_000, 30_000, 9_990, 4_000, 9_990)), 10_000);

        assertThat(capacity.targets().get("redis").highestRateHeld()).isZero();
        assertThat(capacity.markdown("redis")).contains("| grid | 4,000 us | 10,000 | - |");
    }

    private static RepeatedComparison comparison(double rate, double redisP99, double redisRate, double gridP99,
            double gridRate) {
        return new RepeatedComparison("baseline", rate,
                List.of(row("redis", redisP99, redisRate), row("grid", gridP99, gridRate)));
    }

    private static RepeatedComparison.Row row(String target, double p99, double achieved) {
        return new RepeatedComparison.Row(target, 3, 0,
                Map.of("p99Micros", RepeatedComparison.Summary.of(List.of(p99, p99, p99)), "achievedRate",
                        RepeatedComparison.Summary.of(List.of(achieved, achieved, achieved))),
                Map.of());
    }

}

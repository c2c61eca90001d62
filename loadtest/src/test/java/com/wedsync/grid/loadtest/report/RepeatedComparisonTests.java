package com.wedsync.grid.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedComparisonTests {

    @Test
    void aSummaryIsTheMedianMinMaxAndSpreadOfItsValues() {
        RepeatedComparison.Summary odd = RepeatedComparison.Summary.of(List.of(30.0, 10.0, 20.0, 50.0, 40.0));
        RepeatedComparison.Summary even = RepeatedComparison.Summary.of(List.of(4.0, 1.0, 3.0, 2.0));

        assertThat(odd.median()).isEqualTo(30.0);
        assertThat(odd.min()).isEqualTo(10.0);
        assertThat(odd.max()).isEqualTo(50.0);
        assertThat(odd.spread()).isEqualTo(40.0 / 30.0);
        assertThat(odd.values()).containsExactly(30.0, 10.0, 20.0, 50.0, 40.0);
        assertThat(even.median()).isEqualTo(2.5);
        assertThat(RepeatedComparison.Summary.of(List.of(0.0, 0.0)).spread()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> RepeatedComparison.Summary.of(List.of()));
    }

    @Test
    void eachTargetsMediansAreComparedWithTheFirstTargetsMedians(@TempDir Path folder) throws Exception {
        Map<String, List<Map<String, Object>>> reports = new LinkedHashMap<>();
        reports.put("redis", List.of(report(1000, 9000, false, 2.0, 5), report(3000, 9000, false, 4.0, 7),
                report(2000, 9000, true, 3.0, 6)));
        reports.put("grid", List.of(report(500, 9900, false, 1.0, 3), report(400, 9900, false, 1.0, 20),
                report(600, 9900, false, 1.0, 4)));

        RepeatedComparison comparison = RepeatedComparison.of("baseline", reports);

        assertThat(comparison.requestedRate()).isEqualTo(10_000.0);
        RepeatedComparison.Row redis = comparison.rows().get(0);
        RepeatedComparison.Row grid = comparison.rows().get(1);
        assertThat(redis.figures().get("p99Micros").median()).isEqualTo(2000);
        assertThat(redis.behindSchedule()).isEqualTo(1);
        assertThat(redis.ratiosToFirst().get("p99Micros")).isEqualTo(1.0);
        assertThat(grid.figures().get("p99Micros").median()).isEqualTo(500);
        assertThat(grid.figures().get("p99Micros").spread()).isEqualTo(0.4);
        assertThat(grid.ratiosToFirst().get("p99Micros")).isEqualTo(0.25);
        // CPU of every process, per 1,000 operations, in milliseconds.
        assertThat(grid.figures().get("cpuMillisPer1000Ops").median()).isEqualTo(1000 + 1000);
        assertThat(grid.figures().get("memberGcMaxMillis").max()).isEqualTo(20);
        assertThat(grid.figures().get("gcPausesOver10Millis").max()).isEqualTo(1);

        comparison.write(folder, List.of("# header"));
        assertThat(Files.readString(folder.resolve("compare.txt"))).startsWith("# header")
            .contains("grid")
            .contains("500 (400-600)");
        assertThat(Files.readString(folder.resolve("compare.json"))).contains("\"p99Micros\"").contains("interleaved");
    }

    private static Map<String, Object> report(double p99, double rate, boolean behind, double generatorGc,
            double memberGc) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("requestedRate", 10_000.0);
        report.put("achievedRate", rate);
        report.put("errors", 0);
        report.put("latencyMicros", Map.of("ALL", Map.of("p50", p99 / 10, "p99", p99, "p999", p99 * 2)));
        report.put("readHitRates", Map.of("L1", 0.9));
        report.put("schedule", Map.of("behind", behind));
        report.put("usage", Map.of("stealShare", 0.0, "processes", List.of(
                Map.of("name", "generator", "cpuSecondsPer1000Ops", 1.0, "gcPauses",
                        Map.of("count", 1, "maxMillis", generatorGc, "over10Millis", 0)),
                Map.of("name", "member-1", "cpuSecondsPer1000Ops", 1.0, "gcPauses",
                        Map.of("count", 1, "maxMillisAtMost", memberGc, "over10Millis", (memberGc > 10) ? 1 : 0)))));
        return report;
    }

}

package com.wedsync.grid.loadtest.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The soak's verdict: every judged series of every process within the allowance, no
 * error, nothing abandoned or unreadable; the counts beside them are not judged.
 */
class SoakVerdictTests {

    private static final ProcessSamples CLIENT = new ProcessSamples("client",
            Set.of(Series.HEAP_AFTER_GC, Series.LIVE_THREADS, Series.OPS), List.of(sample(0, 50, 30, 0),
                    sample(10, 100, 40, 20_000), sample(20, 104, 40, 40_000), sample(30, 105, 41, 60_000)));

    @Test
    void aSteadySoakWithoutErrorsPassesAndJudgesOnlyTheJudgedSeries() {
        SoakVerdict verdict = SoakVerdict.judge(List.of(CLIENT), 10, 0.10, 0, 0, List.of());

        assertThat(verdict.pass()).isTrue();
        assertThat(verdict.growths()).extracting(Growth::series)
            .containsExactly(Series.HEAP_AFTER_GC, Series.LIVE_THREADS);
    }

    @Test
    void oneErrorFailsASoakThatOtherwisePasses() {
        assertThat(SoakVerdict.judge(List.of(CLIENT), 10, 0.10, 1, 0, List.of()).pass()).isFalse();
    }

    @Test
    void anAbandonedOperationOrAnUnreadableSampleFailsIt() {
        assertThat(SoakVerdict.judge(List.of(CLIENT), 10, 0.10, 0, 1, List.of()).pass()).isFalse();
        assertThat(SoakVerdict.judge(List.of(CLIENT), 10, 0.10, 0, 0, List.of("member-1 at 20 s: refused")).pass())
            .isFalse();
    }

    @Test
    void oneProcessGrowingFailsIt() {
        ProcessSamples member = new ProcessSamples("member-1", Set.of(Series.OWNED_ENTRIES),
                List.of(entries(10, 1000), entries(20, 1000), entries(30, 1200)));

        SoakVerdict verdict = SoakVerdict.judge(List.of(CLIENT, member), 10, 0.10, 0, 0, List.of());

        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.growths()).filteredOn((growth) -> !growth.pass())
            .singleElement()
            .satisfies((growth) -> assertThat(growth.process()).isEqualTo("member-1"));
    }

    @Test
    void aMemberRemovedFromTheClusterFailsItAndIsNamed() {
        ProcessSamples steady = new ProcessSamples("member-1", Set.of(Series.MEMBERS_REMOVED),
                List.of(removed(0, 2), removed(10, 2), removed(30, 2)));
        ProcessSamples removing = new ProcessSamples("member-2", Set.of(Series.MEMBERS_REMOVED),
                List.of(removed(0, 0), removed(10, 0), removed(30, 1)));

        assertThat(SoakVerdict.judge(List.of(CLIENT, steady), 10, 0.10, 0, 0, List.of()).pass())
            .as("members removed before the soak (a count that does not rise)")
            .isTrue();
        SoakVerdict verdict = SoakVerdict.judge(List.of(CLIENT, steady, removing), 10, 0.10, 0, 0, List.of());
        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.removals()).containsExactly("member-2 saw 1 member(s) removed");
    }

    private static Sample removed(double seconds, double removed) {
        return new Sample(seconds, Map.of(Series.MEMBERS_REMOVED, removed));
    }

    private static Sample sample(double seconds, double heapMib, double threads, double ops) {
        return new Sample(seconds,
                Map.of(Series.HEAP_AFTER_GC, heapMib * (1 << 20), Series.LIVE_THREADS, threads, Series.OPS, ops));
    }

    private static Sample entries(double seconds, double entries) {
        return new Sample(seconds, Map.of(Series.OWNED_ENTRIES, entries));
    }

}

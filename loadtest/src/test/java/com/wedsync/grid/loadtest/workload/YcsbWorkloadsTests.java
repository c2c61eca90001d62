package com.wedsync.grid.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YcsbWorkloadsTests {

    private static final int RECORDS = 10_000;

    private static final int DRAWS = 100_000;

    @Test
    void workloadsAToDHaveTheirReadShares() {
        assertThat(readShare(YcsbWorkloads.A)).isCloseTo(0.50, within(0.01));
        assertThat(readShare(YcsbWorkloads.B)).isCloseTo(0.95, within(0.005));
        assertThat(readShare(YcsbWorkloads.C)).isEqualTo(1.0);
        assertThat(readShare(YcsbWorkloads.D)).isCloseTo(0.95, within(0.005));
    }

    @Test
    void workloadFIsAGetFollowedByAPutOfTheSameKey() {
        YcsbWorkload f = YcsbWorkloads.F.create(RECORDS, 100);
        SplittableRandom random = new SplittableRandom(21L);
        int puts = 0;
        Operation previous = null;
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = f.next(random);
            if (operation.type() == OpType.PUT) {
                puts++;
                assertThat(previous).isNotNull();
                assertThat(previous.type()).isEqualTo(OpType.GET);
                assertThat(previous.key()).isEqualTo(operation.key());
            }
            previous = operation;
        }
        assertThat(puts / (double) DRAWS).isCloseTo(1.0 / 3.0, within(0.01));
    }

    @Test
    void workloadDFavoursTheNewestRecordsAndBTheScrambledHotOnes() {
        Map<Integer, Integer> d = counts(YcsbWorkloads.D.create(RECORDS, 100));
        int newest = RECORDS - 1;
        assertThat(d.get(newest)).isEqualTo(d.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertThat(d.getOrDefault(newest, 0) / (double) DRAWS).isGreaterThan(0.05);

        Map<Integer, Integer> b = counts(YcsbWorkloads.B.create(RECORDS, 100));
        int hottest = b.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(hottest).isEqualTo((int) ZipfianGenerator.scrambled(RECORDS).itemOfRank(0));
        assertThat(hottest).isNotIn(0, newest);
    }

    @Test
    void keysAndValuesStayInTheConfiguredSpace() {
        YcsbWorkload a = YcsbWorkloads.A.create(RECORDS, 1_000);
        Set<WeddingKey> space = new HashSet<>();
        a.forEachKey((dataClass, key) -> {
            assertThat(dataClass).isEqualTo(DataClass.VENDOR_RESPONSES);
            space.add(key);
        });
        assertThat(space).hasSize(RECORDS);
        assertThat(a.keyCount()).isEqualTo(RECORDS);
        assertThat(a.keyCount(DataClass.WEDDING_DATA)).isZero();
        SplittableRandom random = new SplittableRandom(22L);
        for (int i = 0; i < 20_000; i++) {
            Operation operation = a.next(random);
            assertThat(space.contains(operation.key())).as(operation.key().toString()).isTrue();
            if (operation.type() == OpType.PUT) {
                assertThat(operation.value()).hasSize(1_000);
            }
        }
        assertThat(a.valueFor(DataClass.VENDOR_RESPONSES, random)).hasSize(1_000);
        assertThatIllegalArgumentException().isThrownBy(() -> a.valueFor(DataClass.SYSTEM_CACHE, random))
            .withMessageContaining("system_cache");
        assertThat(a.describe()).startsWith("ycsb-A: 10000 records of 1000 B in vendor_responses");
    }

    @Test
    void settingsCanMoveAPresetToAnotherClass() {
        YcsbWorkload c = new YcsbWorkload(YcsbWorkloads.C.settings(100, 10).withDataClass(DataClass.SYSTEM_CACHE));
        assertThat(c.next(new SplittableRandom(1L)).dataClass()).isEqualTo(DataClass.SYSTEM_CACHE);
    }

    @Test
    void lettersAreCheckedWithNamedErrors() {
        assertThat(YcsbWorkloads.fromLetter("b")).isEqualTo(YcsbWorkloads.B);
        assertThatIllegalArgumentException().isThrownBy(() -> YcsbWorkloads.fromLetter("E"))
            .withMessageContaining("'E'")
            .withMessageContaining("scans");
        assertThatIllegalArgumentException().isThrownBy(() -> YcsbWorkloads.fromLetter("Z"))
            .withMessageContaining("'Z'");
        assertThatIllegalArgumentException().isThrownBy(() -> YcsbWorkloads.A.settings(0, 10))
            .withMessageContaining("records")
            .withMessageContaining("0");
    }

    private static double readShare(YcsbWorkloads preset) {
        YcsbWorkload workload = preset.create(RECORDS, 100);
        SplittableRandom random = new SplittableRandom(preset.ordinal());
        int reads = 0;
        for (int i = 0; i < DRAWS; i++) {
            reads += (workload.next(random).type() == OpType.GET) ? 1 : 0;
        }
        return reads / (double) DRAWS;
    }

    private static Map<Integer, Integer> counts(YcsbWorkload workload) {
        Map<Integer, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(23L);
        for (int i = 0; i < DRAWS; i++) {
            String id = workload.next(random).key().weddingId();
            counts.merge(Integer.parseInt(id.substring("user".length())), 1, Integer::sum);
        }
        return counts;
    }

}

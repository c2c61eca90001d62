package com.wedsync.grid.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ZipfianGeneratorTests {

    private static final int DRAWS = 200_000;

    @Test
    void theHottestItemIsDrawnAsOftenAsTheoryPredicts() {
        ZipfianGenerator zipfian = new ZipfianGenerator(1_000, 0.99);
        long[] counts = draw(zipfian, DRAWS, 1L);

        double expected0 = zipfian.probability(0);
        double expected1 = zipfian.probability(1);
        assertThat(expected0).isCloseTo(1.0 / ZipfianGenerator.zeta(1_000, 0.99), within(1e-12));
        assertThat(counts[0] / (double) DRAWS).isCloseTo(expected0, within(expected0 * 0.03));
        assertThat(counts[1] / (double) DRAWS).isCloseTo(expected1, within(expected1 * 0.05));
        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[10]);
        assertThat(counts[10]).isGreaterThan(counts[500]);
    }

    @Test
    void theHeadOfTheDistributionMatchesTheory() {
        ZipfianGenerator zipfian = new ZipfianGenerator(1_000, 0.99);
        long[] counts = draw(zipfian, DRAWS, 2L);
        double expectedTop10 = IntStream.range(0, 10).mapToDouble(zipfian::probability).sum();
        double observedTop10 = IntStream.range(0, 10).mapToLong((i) -> counts[i]).sum() / (double) DRAWS;
        assertThat(observedTop10).isCloseTo(expectedTop10, within(expectedTop10 * 0.05));
    }

    @Test
    void everyDrawIsInRange() {
        for (long items : new long[] { 1, 2, 3, 7, 1_000, 1_000_003 }) {
            ZipfianGenerator plain = new ZipfianGenerator(items);
            ZipfianGenerator scrambled = ZipfianGenerator.scrambled(items);
            SplittableRandom random = new SplittableRandom(items);
            for (int i = 0; i < 20_000; i++) {
                assertThat(plain.next(random)).isBetween(0L, items - 1);
                assertThat(scrambled.next(random)).isBetween(0L, items - 1);
            }
        }
    }

    @Test
    void thetaZeroIsUniform() {
        ZipfianGenerator uniform = new ZipfianGenerator(10, 0.0);
        long[] counts = draw(uniform, 100_000, 3L);
        for (long count : counts) {
            assertThat(count / 100_000.0).isCloseTo(0.1, within(0.01));
        }
    }

    @Test
    void theScrambledVariantIsAPermutationThatSpreadsTheHottestItems() {
        int items = 1_000;
        ZipfianGenerator scrambled = ZipfianGenerator.scrambled(items, 0.99);
        Set<Long> images = new HashSet<>();
        for (long rank = 0; rank < items; rank++) {
            images.add(scrambled.itemOfRank(rank));
        }
        assertThat(images).hasSize(items).allSatisfy((item) -> assertThat(item).isBetween(0L, items - 1L));

        long[] hottest = IntStream.range(0, 10).mapToLong(scrambled::itemOfRank).toArray();
        long span = Arrays.stream(hottest).max().getAsLong() - Arrays.stream(hottest).min().getAsLong();
        assertThat(span).isGreaterThan(items / 2);
        assertThat(hottest).isNotEqualTo(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });

        long[] counts = draw(scrambled, DRAWS, 4L);
        long hottestItem = scrambled.itemOfRank(0);
        long maxCount = Arrays.stream(counts).max().getAsLong();
        assertThat(counts[(int) hottestItem]).isEqualTo(maxCount);
        assertThat(counts[(int) hottestItem] / (double) DRAWS).isCloseTo(scrambled.probability(0),
                within(scrambled.probability(0) * 0.03));
    }

    @Test
    void constructsAFewMillionItemsQuicklyAndEstimatesZetaBeyond() {
        long start = System.nanoTime();
        ZipfianGenerator big = ZipfianGenerator.scrambled(4_000_000);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        SplittableRandom random = new SplittableRandom(5L);
        for (int i = 0; i < 10_000; i++) {
            assertThat(big.next(random)).isBetween(0L, 3_999_999L);
        }
        double exact = 0.0;
        for (long i = 5_000_000; i >= 1; i--) {
            exact += Math.pow(i, -0.99);
        }
        assertThat(ZipfianGenerator.zeta(5_000_000, 0.99)).isCloseTo(exact, within(exact * 1e-9));
    }

    @Test
    void drawsAreDeterministicForASeed() {
        ZipfianGenerator zipfian = ZipfianGenerator.scrambled(10_000);
        assertThat(draw(zipfian, 1_000, 9L)).isEqualTo(draw(zipfian, 1_000, 9L));
    }

    @Test
    void rejectsBadArgumentsNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ZipfianGenerator(0))
            .withMessageContaining("items")
            .withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ZipfianGenerator(10, 1.0))
            .withMessageContaining("theta")
            .withMessageContaining("1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ZipfianGenerator(10, -0.1))
            .withMessageContaining("theta");
    }

    private static long[] draw(KeyChooser chooser, int draws, long seed) {
        long[] counts = new long[(int) Math.min(chooser.size(), 1_000_000)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < draws; i++) {
            counts[(int) chooser.next(random)]++;
        }
        return counts;
    }

}

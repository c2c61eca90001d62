package com.wedsync.grid.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeddingWorkloadTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    private static final int DRAWS = 100_000;

    private static WeddingWorkload workload;

    @BeforeAll
    static void build() {
        workload = WeddingWorkload.defaults(TODAY);
    }

    @Test
    void theOperationMixFollowsTheWeights() {
        Map<DataClass, Integer> byClass = new EnumMap<>(DataClass.class);
        int reads = 0;
        SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = workload.next(random);
            byClass.merge(operation.dataClass(), 1, Integer::sum);
            reads += (operation.type() == OpType.GET) ? 1 : 0;
        }
        Map<DataClass, Double> expected = Map.of(DataClass.WEDDING_DATA, 0.40, DataClass.VENDOR_RESPONSES, 0.25,
                DataClass.GUEST_INTERACTIONS, 0.20, DataClass.PHOTO_THUMBNAILS, 0.10, DataClass.SYSTEM_CACHE, 0.05);
        for (DataClass dataClass : DataClass.values()) {
            assertThat(byClass.get(dataClass) / (double) DRAWS).as(dataClass.id())
                .isCloseTo(expected.get(dataClass), within(0.02));
        }
        assertThat(reads / (double) DRAWS).isCloseTo(0.95, within(0.005));
    }

    @Test
    void perClassWeightsAndReadSharesAreHonoured() {
        OperationMix mix = OperationMix.withReads(0.9)
            .withWeight(DataClass.PHOTO_THUMBNAILS, 0.0)
            .withWeight(DataClass.GUEST_INTERACTIONS, 75.0)
            .withReadShare(DataClass.GUEST_INTERACTIONS, 0.5);
        WeddingWorkload custom = new WeddingWorkload(WeddingModel.defaults(TODAY).withWeddings(50),
                WeddingTraffic.defaults().withMix(mix));
        Map<DataClass, Integer> byClass = new EnumMap<>(DataClass.class);
        int guestWrites = 0;
        SplittableRandom random = new SplittableRandom(12L);
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = custom.next(random);
            byClass.merge(operation.dataClass(), 1, Integer::sum);
            if (operation.dataClass() == DataClass.GUEST_INTERACTIONS && operation.type() == OpType.PUT) {
                guestWrites++;
            }
        }
        assertThat(byClass).doesNotContainKey(DataClass.PHOTO_THUMBNAILS);
        assertThat(byClass.get(DataClass.GUEST_INTERACTIONS) / (double) DRAWS).isCloseTo(0.5, within(0.02));
        assertThat(guestWrites / (double) DRAWS).isCloseTo(mix.probability(DataClass.GUEST_INTERACTIONS, OpType.PUT),
                within(0.02));
    }

    @Test
    void writesCarryValuesOfTheClassSizes() {
        SplittableRandom random = new SplittableRandom(13L);
        Map<DataClass, Set<Integer>> sizes = new EnumMap<>(DataClass.class);
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = workload.next(random);
            if (operation.type() == OpType.PUT) {
                ValueShape shape = ValueShape.defaultFor(operation.dataClass());
                assertThat(operation.value().length).as(operation.dataClass().id())
                    .isBetween(shape.minBytes(), shape.maxBytes());
                sizes.computeIfAbsent(operation.dataClass(), (c) -> new HashSet<>()).add(operation.value().length);
            }
            else {
                assertThat(operation.value()).isNull();
            }
        }
        assertThat(sizes.get(DataClass.WEDDING_DATA)).containsExactly(2048);
        assertThat(sizes.get(DataClass.GUEST_INTERACTIONS)).containsExactly(512);
        assertThat(sizes.get(DataClass.SYSTEM_CACHE)).containsExactly(256);
        assertThat(sizes.get(DataClass.VENDOR_RESPONSES)).hasSizeGreaterThan(3);
        assertThat(sizes.get(DataClass.PHOTO_THUMBNAILS)).hasSizeGreaterThan(3);
    }

    @Test
    void vendorResponsesCompressLikeJsonAndThumbnailsDoNot() {
        SplittableRandom random = new SplittableRandom(14L);
        byte[] vendor = workload.valueFor(DataClass.VENDOR_RESPONSES, random);
        byte[] photo = workload.valueFor(DataClass.PHOTO_THUMBNAILS, random);
        assertThat(new String(vendor, StandardCharsets.UTF_8)).startsWith("{\"items\":[{").endsWith("\"}");
        assertThat(compressedRatio(vendor)).isLessThan(0.4);
        assertThat(compressedRatio(photo)).isGreaterThan(0.98);
    }

    @Test
    void everyDrawnKeyIsInTheEnumerableKeySpace() {
        Map<DataClass, Set<WeddingKey>> space = new EnumMap<>(DataClass.class);
        workload.forEachKey((dataClass, key) -> space.computeIfAbsent(dataClass, (c) -> new HashSet<>()).add(key));
        for (DataClass dataClass : DataClass.values()) {
            assertThat((long) space.get(dataClass).size()).as(dataClass.id()).isEqualTo(workload.keyCount(dataClass));
        }
        assertThat(workload.keyCount(DataClass.WEDDING_DATA)).isEqualTo(4_000);
        assertThat(workload.keyCount(DataClass.VENDOR_RESPONSES)).isEqualTo(12_000);
        assertThat(workload.keyCount(DataClass.PHOTO_THUMBNAILS)).isEqualTo(50_000);
        assertThat(workload.keyCount(DataClass.SYSTEM_CACHE)).isEqualTo(100);
        assertThat(workload.keyCount(DataClass.GUEST_INTERACTIONS)).isBetween(190_000L, 210_000L);
        assertThat(workload.keys(DataClass.SYSTEM_CACHE)).first()
            .isEqualTo(new WeddingKey(WeddingModel.SYSTEM_WEDDING_ID, "config:0"));

        SplittableRandom random = new SplittableRandom(15L);
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = workload.next(random);
            if (!space.get(operation.dataClass()).contains(operation.key())) {
                throw new AssertionError(operation.key() + " is not among the keys of " + operation.dataClass().id());
            }
        }
    }

    @Test
    void theHotWeddingsOfThisWeekDrawMostOfTheTraffic() {
        SplittableRandom random = new SplittableRandom(16L);
        int hot = 0;
        int draws = 0;
        for (int i = 0; i < DRAWS; i++) {
            Operation operation = workload.next(random);
            if (operation.dataClass() != DataClass.SYSTEM_CACHE) {
                draws++;
                LocalDate date = workload.weddingDate(operation.key()).orElseThrow();
                hot += date.isBefore(TODAY.plusDays(WeddingModel.HOT_DAYS)) ? 1 : 0;
            }
        }
        assertThat(hot / (double) draws).isGreaterThan(0.6);
        assertThat(workload.weddingDate(new WeddingKey(WeddingModel.SYSTEM_WEDDING_ID, "config:1"))).isEmpty();
    }

    @Test
    void zipfianItemsMakeTheFirstItemsOfAWeddingTheHottest() {
        WeddingWorkload zipfItems = new WeddingWorkload(WeddingModel.defaults(TODAY).withWeddings(20),
                WeddingTraffic.defaults().withItems(KeyDistribution.ZIPFIAN));
        SplittableRandom random = new SplittableRandom(17L);
        Map<String, Integer> guestItems = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            WeddingKey key = zipfItems.nextKey(DataClass.GUEST_INTERACTIONS, random);
            guestItems.merge(key.itemId(), 1, Integer::sum);
        }
        int hottest = guestItems.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(guestItems.get("guest:0")).isEqualTo(hottest);
    }

    @Test
    void theSameSeedDrawsTheSameOperations() {
        WeddingWorkload again = WeddingWorkload.defaults(TODAY);
        SplittableRandom first = new SplittableRandom(18L);
        SplittableRandom second = new SplittableRandom(18L);
        for (int i = 0; i < 1_000; i++) {
            Operation a = workload.next(first);
            Operation b = again.next(second);
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.type()).isEqualTo(a.type());
        }
        assertThat(workload.describe()).contains("1000 weddings").contains("reads 95.0 %");
    }

    private static double compressedRatio(byte[] value) {
        Deflater deflater = new Deflater();
        deflater.setInput(value);
        deflater.finish();
        byte[] buffer = new byte[value.length * 2 + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return length / (double) value.length;
    }

}

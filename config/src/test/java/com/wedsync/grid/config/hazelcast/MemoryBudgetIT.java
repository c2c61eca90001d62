package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.config.ttl.AccessHint;
import com.wedsync.grid.config.ttl.TtlPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real members with a 60 MiB cache memory limit (budgets: wedding data 24 MiB, vendor
 * responses 15, guest interactions 12, photo thumbnails 6, system cache 3): each class is
 * held to its own budget, so flooding the lower classes never evicts wedding data; the
 * budget covers a member's owned and backup entries together; and inside wedding data,
 * past weddings go before upcoming ones.
 */
class MemoryBudgetIT {

    private static final long MIB = HazelcastConfigFactory.MIB;

    private static final long MEMORY_LIMIT = 60 * MIB;

    /**
     * How far over its budget a map may be seen, in percent of the budget. Hazelcast
     * checks the bound on each put and then evicts a fixed batch
     * ({@code hazelcast.map.eviction.batch.size}) from the partition written to. With a
     * batch of 1 and values of different sizes the bytes over the bound random-walk
     * instead of returning under it (peaks 8-16 % over the photo budget were measured);
     * the factory sets a batch of 2, which holds a flood within about 1 %. The slack
     * leaves room for one sample of the largest values over a small budget.
     */
    private static final int SLACK_PERCENT = 5;

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final Clock clock = Clock.systemUTC();

    private final LocalDate today = LocalDate.now(this.clock);

    private final TtlPolicy ttlPolicy = new TtlPolicy(this.catalog, this.clock);

    private final Random random = new Random(20260613);

    private LoopbackGrid cluster;

    @AfterEach
    void stopCluster() {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void floodingLowerClassesKeepsThemWithinTheirBudgetsAndEvictsNoWeddingData() {
        this.cluster = LoopbackGrid.builder()
            .name("budget")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        IMap<WeddingKey, byte[]> wedding = map(member, DataClass.WEDDING_DATA);
        Map<WeddingKey, byte[]> weddingData = upcomingWeddingData(200, 25, 1024);
        weddingData.forEach((key, value) -> putWithPolicyTtl(wedding, DataClass.WEDDING_DATA, key, value));
        long weddingCost = memoryCost(wedding);
        assertThat(weddingCost).as("wedding data loaded well under its budget")
            .isBetween(5 * MIB, budget(DataClass.WEDDING_DATA) / 2);

        for (DataClass flooded : List.of(DataClass.PHOTO_THUMBNAILS, DataClass.GUEST_INTERACTIONS)) {
            IMap<WeddingKey, byte[]> map = map(member, flooded);
            long peak = flood(map, flooded, 50 * MIB);
            long budget = budget(flooded);
            System.out.printf("[measure] %s: budget %d B, peak %d B (%+.1f %%), final %d B, evictions %d%n",
                    flooded.id(), budget, peak, 100.0 * (peak - budget) / budget, memoryCost(map),
                    map.getLocalMapStats().getEvictionCount());
            assertThat(peak).as("%s memory, peak of the flood", flooded.id()).isLessThanOrEqualTo(withSlack(budget));
            assertThat(map.getLocalMapStats().getEvictionCount()).as("%s evictions", flooded.id()).isPositive();
        }

        assertThat(wedding.getLocalMapStats().getEvictionCount()).as("wedding_data evictions").isZero();
        assertThat(memoryCost(wedding)).as("wedding_data memory").isEqualTo(weddingCost);
        assertThat(wedding.size()).isEqualTo(weddingData.size());
        Map<WeddingKey, byte[]> read = wedding.getAll(weddingData.keySet());
        assertThat(read).hasSameSizeAs(weddingData);
        weddingData.forEach((key, value) -> assertThat(read.get(key)).as("value of %s", key).isEqualTo(value));
    }

    @Test
    void budgetBoundsOwnedAndBackupEntriesOfAMemberTogether() {
        assertThat(this.catalog.policy(DataClass.VENDOR_RESPONSES).backupCount()).isEqualTo(1);
        this.cluster = LoopbackGrid.builder()
            .name("backup-budget")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(2);
        IMap<WeddingKey, byte[]> vendor = map(this.cluster.member(0), DataClass.VENDOR_RESPONSES);
        long budget = budget(DataClass.VENDOR_RESPONSES);

        // 1.4 budgets in all: about 0.7 of a budget owned by each member, as much again
        // held as backups.
        for (int i = 0; i < (int) (budget * 14 / 10 / 8192); i++) {
            vendor.put(new WeddingKey(weddingId(this.today.plusDays(i % 7), i % 400), "vendor:" + i), new byte[8192]);
        }

        long evictions = 0;
        for (HazelcastInstance member : this.cluster.members()) {
            LocalMapStats stats = map(member, DataClass.VENDOR_RESPONSES).getLocalMapStats();
            long owned = stats.getOwnedEntryMemoryCost();
            long backup = stats.getBackupEntryMemoryCost();
            System.out.printf(
                    "[measure] vendor_responses on %s: owned %d B + backup %d B = %d B, budget %d B,"
                            + " evictions %d%n",
                    member.getName(), owned, backup, owned + backup, budget, stats.getEvictionCount());
            assertThat(owned).as("owned bytes on %s", member.getName()).isLessThan(budget);
            assertThat(backup).as("backup bytes on %s", member.getName()).isPositive();
            assertThat(owned + backup).as("owned + backup bytes on %s", member.getName())
                .isLessThanOrEqualTo(withSlack(budget));
            evictions += stats.getEvictionCount();
        }
        assertThat(evictions).as("evictions, although no member owns a budget's worth").isPositive();
    }

    @Test
    void overflowingWeddingDataEvictsPastWeddingsBeforeUpcomingOnes() {
        Retention retention = overflowWeddingData(true);

        assertThat(retention.evictions()).isPositive();
        assertThat(retention.upcoming()).as("retained fraction of upcoming weddings' entries, vs past: %s", retention)
            .isGreaterThan(retention.past() + 0.3);
    }

    @Test
    void withoutWeddingPriorityPastAndUpcomingWeddingsAreEvictedAlike() {
        Retention retention = overflowWeddingData(false);

        assertThat(retention.evictions()).isPositive();
        assertThat(retention.upcoming()).as("retained fraction of upcoming weddings' entries, vs past: %s", retention)
            .isCloseTo(retention.past(), within(0.1));
    }

    /**
     * Writes about 1.8 wedding-data budgets of 2 KiB entries of 2000 weddings, half past
     * (TTL {@code ttl.min}) and half inside the protection window (TTL until the day
     * after the wedding), in random order.
     */
    private Retention overflowWeddingData(boolean weddingPriority) {
        this.cluster = LoopbackGrid.builder()
            .name("wedding-overflow")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT).weddingPriority(weddingPriority))
            .start(1);
        IMap<WeddingKey, byte[]> wedding = map(this.cluster.member(0), DataClass.WEDDING_DATA);
        List<WeddingKey> keys = new ArrayList<>();
        for (int w = 0; w < 2000; w++) {
            LocalDate date = (w % 2 == 0) ? this.today.minusDays(1 + w % 30) : this.today.plusDays(1 + w % 6);
            for (int item = 0; item < 10; item++) {
                keys.add(new WeddingKey(weddingId(date, w), "item:" + item));
            }
        }
        Collections.shuffle(keys, this.random);
        for (WeddingKey key : keys) {
            putWithPolicyTtl(wedding, DataClass.WEDDING_DATA, key, new byte[2048]);
        }

        Set<WeddingKey> kept = wedding.keySet();
        long pastKept = kept.stream().filter(this::isPast).count();
        long pastWritten = keys.stream().filter(this::isPast).count();
        Retention retention = new Retention((double) pastKept / pastWritten,
                (double) (kept.size() - pastKept) / (keys.size() - pastWritten),
                wedding.getLocalMapStats().getEvictionCount());
        System.out.printf("[measure] wedding_data overflow, wedding priority %s: %s, memory %d B of %d B%n",
                weddingPriority, retention, memoryCost(wedding), budget(DataClass.WEDDING_DATA));
        assertThat(memoryCost(wedding)).isLessThanOrEqualTo(withSlack(budget(DataClass.WEDDING_DATA)));
        return retention;
    }

    /**
     * Writes {@code bytes} of 10-50 KiB values and returns the highest memory cost seen
     * on the way.
     */
    private long flood(IMap<WeddingKey, byte[]> map, DataClass dataClass, long bytes) {
        long peak = 0;
        long written = 0;
        for (int i = 0; written < bytes; i++) {
            byte[] value = new byte[10 * 1024 + this.random.nextInt(40 * 1024 + 1)];
            putWithPolicyTtl(map, dataClass,
                    new WeddingKey(weddingId(this.today.plusDays(i % 5), i % 300), dataClass.id() + ":" + i), value);
            written += value.length;
            if (i % 8 == 0) {
                peak = Math.max(peak, memoryCost(map));
            }
        }
        return Math.max(peak, memoryCost(map));
    }

    private Map<WeddingKey, byte[]> upcomingWeddingData(int weddings, int itemsPerWedding, int valueSize) {
        Map<WeddingKey, byte[]> entries = new HashMap<>();
        for (int w = 0; w < weddings; w++) {
            for (int item = 0; item < itemsPerWedding; item++) {
                byte[] value = new byte[valueSize];
                this.random.nextBytes(value);
                entries.put(new WeddingKey(weddingId(this.today.plusDays(w % 7), w), "item:" + item), value);
            }
        }
        return entries;
    }

    private void putWithPolicyTtl(IMap<WeddingKey, byte[]> map, DataClass dataClass, WeddingKey key, byte[] value) {
        long ttl = this.ttlPolicy.ttl(dataClass, Optional.of(weddingDate(key)), AccessHint.NORMAL).toMillis();
        map.put(key, value, ttl, TimeUnit.MILLISECONDS);
    }

    private boolean isPast(WeddingKey key) {
        return weddingDate(key).isBefore(this.today);
    }

    private static String weddingId(LocalDate date, int number) {
        return "w-" + date + "-" + number;
    }

    private static LocalDate weddingDate(WeddingKey key) {
        return LocalDate.parse(key.weddingId().substring(2, 12));
    }

    /**
     * The class's share of the memory limit, in whole MiB: computed here, not by the
     * factory under test.
     */
    private long budget(DataClass dataClass) {
        return MEMORY_LIMIT * this.catalog.policy(dataClass).memorySharePercent() / 100 / MIB * MIB;
    }

    private static long withSlack(long budget) {
        return budget + budget * SLACK_PERCENT / 100;
    }

    private static long memoryCost(IMap<?, ?> map) {
        LocalMapStats stats = map.getLocalMapStats();
        return stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
    }

    private IMap<WeddingKey, byte[]> map(HazelcastInstance member, DataClass dataClass) {
        return member.getMap(this.catalog.policy(dataClass).mapName());
    }

    /**
     * Fractions of the entries written that are still in the map, and the evictions it
     * took.
     */
    private record Retention(double past, double upcoming, long evictions) {

        @Override
        public String toString() {
            return String.format("past %.1f %% kept, upcoming %.1f %% kept, %d evictions", 100 * this.past,
                    100 * this.upcoming, this.evictions);
        }
    }

}

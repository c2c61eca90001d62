package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.impl.SimpleEntryView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpcomingWeddingsLastComparatorTests {

    private static final long NOW = 1_781_085_600_000L; // 2026-06-10T10:00Z

    private static final long HOUR = 3_600_000L;

    private final UpcomingWeddingsLastComparator comparator = new UpcomingWeddingsLastComparator();

    @Test
    void theEntryThatExpiresSoonerIsEvictedFirst() {
        EntryView<Object, Object> pastWedding = entry("past", NOW + HOUR, NOW, NOW);
        EntryView<Object, Object> upcomingWedding = entry("upcoming", NOW + 38 * HOUR, NOW - 5 * HOUR, NOW - 5 * HOUR);

        assertThat(this.comparator.compare(pastWedding, upcomingWedding)).isNegative();
        assertThat(this.comparator.compare(upcomingWedding, pastWedding)).isPositive();
    }

    @Test
    void expiryOutweighsRecentUse() {
        EntryView<Object, Object> readJustNowExpiresSoon = entry("hot", NOW + HOUR, NOW - HOUR, NOW);
        EntryView<Object, Object> unreadExpiresLate = entry("cold", NOW + 100 * HOUR, NOW - 50 * HOUR, 0);

        assertThat(this.comparator.compare(readJustNowExpiresSoon, unreadExpiresLate)).isNegative();
    }

    @Test
    void onEqualExpiryTheLeastRecentlyUsedIsEvictedFirst() {
        EntryView<Object, Object> readAnHourAgo = entry("older", NOW + HOUR, NOW - 3 * HOUR, NOW - HOUR);
        EntryView<Object, Object> readNow = entry("newer", NOW + HOUR, NOW - 3 * HOUR, NOW);

        assertThat(this.comparator.compare(readAnHourAgo, readNow)).isNegative();
        assertThat(this.comparator.compare(readNow, readAnHourAgo)).isPositive();
    }

    @Test
    void anEntryNeverReadCountsAsUsedWhenItWasCreated() {
        EntryView<Object, Object> createdNowNeverRead = entry("fresh", NOW + HOUR, NOW, 0);
        EntryView<Object, Object> readAnHourAgo = entry("read", NOW + HOUR, NOW - 3 * HOUR, NOW - HOUR);

        assertThat(this.comparator.compare(readAnHourAgo, createdNowNeverRead)).isNegative();
    }

    @Test
    void entriesWithEqualExpiryAndLastUseAreEqual() {
        assertThat(this.comparator.compare(entry("a", NOW + HOUR, NOW - HOUR, NOW),
                entry("b", NOW + HOUR, NOW - 2 * HOUR, NOW)))
            .isZero();
    }

    @Test
    void entriesWithoutExpiryAreEvictedLast() {
        EntryView<Object, Object> eternal = entry("eternal", Long.MAX_VALUE, NOW - 100 * HOUR, NOW - 100 * HOUR);
        EntryView<Object, Object> expiring = entry("expiring", NOW + 336 * HOUR, NOW, NOW);

        assertThat(this.comparator.compare(expiring, eternal)).isNegative();
    }

    @Test
    void sortingASampleOrdersItByExpiryThenLastUse() {
        List<EntryView<Object, Object>> sample = new ArrayList<>(
                List.of(entry("upcoming-cold", NOW + 110 * HOUR, NOW - 9 * HOUR, NOW - 8 * HOUR),
                        entry("base-recent", NOW + 24 * HOUR, NOW - HOUR, NOW), entry("past", NOW + HOUR, NOW, 0),
                        entry("base-stale", NOW + 24 * HOUR, NOW - 20 * HOUR, NOW - 10 * HOUR),
                        entry("upcoming-hot", NOW + 206 * HOUR, NOW - HOUR, NOW)));

        sample.sort(this.comparator);

        assertThat(sample).extracting(EntryView::getKey)
            .containsExactly("past", "base-stale", "base-recent", "upcoming-cold", "upcoming-hot");
    }

    private static EntryView<Object, Object> entry(String key, long expirationTime, long creationTime,
            long lastAccessTime) {
        return new SimpleEntryView<Object, Object>(key, "value").withExpirationTime(expirationTime)
            .withCreationTime(creationTime)
            .withLastAccessTime(lastAccessTime);
    }

}

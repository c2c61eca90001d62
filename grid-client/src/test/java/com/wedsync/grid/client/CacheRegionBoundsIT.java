package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounds of a region's calls against one real member: a batch over
 * {@link CacheRegion#MAX_BATCH} and a {@code String} key over
 * {@link CacheRegion#MAX_KEY_LENGTH} are refused naming the field, the size and the
 * limit, and write nothing; at the limit the same calls go through.
 */
class CacheRegionBoundsIT {

    private static LoopbackGrid grid;

    private static CacheRegion<String, String> region;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("cache-region-bounds").start(1);
        region = TestClients.connect(grid).region(DataClass.SYSTEM_CACHE, String.class);
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aPutAllOverTheBatchLimitIsRefusedAndWritesNothing() {
        Map<String, String> entries = entries("over-", CacheRegion.MAX_BATCH + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> region.putAll(entries))
            .withMessage("entries of region system_cache has 10001 elements; the limit of one call is 10000: split"
                    + " the batch");
        assertThat(region.get("over-0")).isNull();
    }

    @Test
    void aPutAllAndAGetAllAtTheBatchLimitGoThrough() {
        Map<String, String> entries = entries("at-", CacheRegion.MAX_BATCH);

        region.putAll(entries);

        assertThat(region.getAll(entries.keySet())).hasSize(CacheRegion.MAX_BATCH);
    }

    @Test
    void aGetAllOverTheBatchLimitIsRefused() {
        Set<String> keys = new HashSet<>(entries("read-", CacheRegion.MAX_BATCH + 1).keySet());

        assertThatIllegalArgumentException().isThrownBy(() -> region.getAll(keys))
            .withMessageStartingWith("keys of region system_cache has 10001 elements");
    }

    @Test
    void aStringKeyOverTheLengthLimitIsRefusedOnEveryCall() {
        String tooLong = "k".repeat(CacheRegion.MAX_KEY_LENGTH + 1);
        String message = "key of region system_cache is 1025 characters long; the limit is 1024";

        assertThatIllegalArgumentException().isThrownBy(() -> region.put(tooLong, "v"))
            .withMessageStartingWith(message);
        assertThatIllegalArgumentException().isThrownBy(() -> region.get(tooLong)).withMessageStartingWith(message);
        assertThatIllegalArgumentException().isThrownBy(() -> region.remove(tooLong)).withMessageStartingWith(message);
        assertThatIllegalArgumentException().isThrownBy(() -> region.getAll(Set.of(tooLong)))
            .withMessageStartingWith(message);
    }

    @Test
    void aStringKeyAtTheLengthLimitIsStoredAndRead() {
        String longest = "k".repeat(CacheRegion.MAX_KEY_LENGTH);

        region.put(longest, "v");

        assertThat(region.get(longest)).isEqualTo("v");
    }

    private static Map<String, String> entries(String prefix, int count) {
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(prefix + i, "v" + i);
        }
        return entries;
    }

}

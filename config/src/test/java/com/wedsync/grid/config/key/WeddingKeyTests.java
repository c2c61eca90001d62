package com.wedsync.grid.config.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WeddingKeyTests {

    @Test
    void thePartitionKeyIsTheWeddingId() {
        WeddingKey key = new WeddingKey("w-2026-06-13-0042", "guest:118");

        assertThat(key.getPartitionKey()).isEqualTo("w-2026-06-13-0042");
    }

    @Test
    void keysOfOneWeddingShareThePartitionKey() {
        assertThat(new WeddingKey("w-1", "timeline").getPartitionKey())
            .isEqualTo(new WeddingKey("w-1", "guest:1").getPartitionKey());
    }

    @Test
    void keysWithEqualIdsAreEqualAndHashAlike() {
        WeddingKey key = new WeddingKey("w-1", "timeline");
        WeddingKey same = new WeddingKey(new String("w-1"), new String("timeline"));

        assertThat(same).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(new WeddingKey("w-1", "guest:1")).isNotEqualTo(key);
        assertThat(new WeddingKey("w-2", "timeline")).isNotEqualTo(key);
        assertThat(new WeddingKey("timeline", "w-1")).isNotEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t\n" })
    void aBlankWeddingIdIsRejectedByName(String weddingId) {
        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey(weddingId, "timeline"))
            .withMessage("WeddingKey.weddingId must not be blank, was '" + weddingId + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " " })
    void aBlankItemIdIsRejectedByName(String itemId) {
        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey("w-1", itemId))
            .withMessage("WeddingKey.itemId must not be blank, was '" + itemId + "'");
    }

    @Test
    void idsUpToTheLimitAreAccepted() {
        String longest = "x".repeat(WeddingKey.MAX_LENGTH);

        assertThat(new WeddingKey(longest, longest).weddingId()).hasSize(256);
    }

    @Test
    void anIdOverTheLimitIsRejectedWithItsLength() {
        String tooLong = "x".repeat(257);

        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey(tooLong, "timeline"))
            .withMessage("WeddingKey.weddingId is 257 characters long; the limit is 256");
        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey("w-1", tooLong))
            .withMessage("WeddingKey.itemId is 257 characters long; the limit is 256");
    }

    @Test
    void anUnpairedSurrogateIsRejectedByNameAndAPairedOneAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey("w-1", "guest:\ud83d"))
            .withMessageStartingWith("WeddingKey.itemId has an unpaired surrogate at index 6");
        assertThatIllegalArgumentException().isThrownBy(() -> new WeddingKey("\ude00w", "timeline"))
            .withMessageStartingWith("WeddingKey.weddingId has an unpaired surrogate at index 0");

        assertThat(new WeddingKey("w-1", "guest:\ud83d\ude00").itemId()).hasSize(8);
    }

    @Test
    void theSerializerWritesTheDocumentedTypeForWeddingKeys() {
        WeddingKeySerializer serializer = new WeddingKeySerializer();

        assertThat(serializer.getTypeName()).isEqualTo("WeddingKey");
        assertThat(serializer.getCompactClass()).isEqualTo(WeddingKey.class);
    }

}

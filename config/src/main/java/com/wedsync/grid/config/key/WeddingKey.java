package com.wedsync.grid.config.key;

import com.hazelcast.partition.PartitionAware;

/**
 * The key of every entry that belongs to a wedding. All entries of one wedding live in
 * one partition: the partition key is the wedding id, so a wedding's reads go to one
 * member and its multi-key work runs there.
 * <p>
 * Wire format (stable across JVMs, locales and languages): Compact type
 * {@value WeddingKeySerializer#TYPE_NAME} with two string fields, {@code weddingId} and
 * {@code itemId}. The partition is chosen from the wedding id alone, serialized as a
 * Hazelcast string, exactly as {@code IMap.put} does for a {@link PartitionAware} key.
 *
 * @param weddingId the wedding the entry belongs to, for example
 * {@code w-2026-06-13-0042}
 * @param itemId what the entry is within the wedding, for example {@code timeline} or
 * {@code guest:118}
 */
public record WeddingKey(String weddingId, String itemId) implements PartitionAware<String> {

    /** The longest id accepted, in characters. */
    public static final int MAX_LENGTH = 256;

    /**
     * Validates the key.
     * @throws IllegalArgumentException naming the field and the value if an id is null,
     * blank, too long, or not valid Unicode (an unpaired surrogate, which UTF-8 on the
     * wire would turn into another key)
     */
    public WeddingKey {
        requireId("weddingId", weddingId);
        requireId("itemId", itemId);
    }

    /**
     * Returns the wedding id, which chooses the partition.
     * @return the wedding id
     */
    @Override
    public String getPartitionKey() {
        return this.weddingId;
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("WeddingKey." + field + " must not be blank, was '" + value + "'");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "WeddingKey." + field + " is " + value.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        int unpaired = unpairedSurrogate(value);
        if (unpaired >= 0) {
            throw new IllegalArgumentException("WeddingKey." + field + " has an unpaired surrogate at index " + unpaired
                    + ", was '" + value.replace(value.charAt(unpaired), '?') + "': not valid Unicode, it would reach"
                    + " the grid as another key");
        }
    }

    private static int unpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}

package com.wedsync.grid.node.e2e;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The books on wedding-data writes: every write goes to a key of its own with a value of its own, and each one the
 * grid acknowledged is remembered, so that afterwards every acknowledged write can be read back. Lost means
 * acknowledged, but missing or holding another value.
 */
final class ChaosLedger {

    /** Weddings the keys are spread over: enough to touch every one of the 271 partitions. */
    private static final int WEDDINGS = 2_000;

    private static final int BATCH = 500;

    private final AtomicLong sequence = new AtomicLong();

    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

    /** Takes the next write's number. */
    long next() {
        return this.sequence.incrementAndGet();
    }

    /** Returns the highest number taken so far. */
    long highest() {
        return this.sequence.get();
    }

    static WeddingKey key(long number) {
        return new WeddingKey("chaos-w" + (number % WEDDINGS), "ledger-" + number);
    }

    static String value(long number) {
        return "timeline-" + number + "-" + Long.toHexString(number * 0x9E3779B97F4A7C15L);
    }

    /** Notes that the grid acknowledged write {@code number}. */
    void acknowledged(long number) {
        this.acknowledged.put(number, value(number));
    }

    /** Returns the value write {@code number} stored, or {@code null} if it was not acknowledged. */
    String expected(long number) {
        return this.acknowledged.get(number);
    }

    long size() {
        return this.acknowledged.size();
    }

    /**
     * Reads back every acknowledged write, in batches. Use a client that has not read these keys before, so the
     * answers come from the members and not from a near cache.
     * @param region wedding data of a fresh client
     * @return how many were acknowledged and which were lost
     */
    Verification verify(CacheRegion<WeddingKey, String> region) {
        List<Long> numbers = new ArrayList<>(this.acknowledged.keySet());
        List<String> samples = new ArrayList<>();
        long lost = 0;
        long failedReads = 0;
        for (int from = 0; from < numbers.size(); from += BATCH) {
            List<Long> batch = numbers.subList(from, Math.min(numbers.size(), from + BATCH));
            Map<WeddingKey, Long> byKey = new HashMap<>();
            batch.forEach((number) -> byKey.put(key(number), number));
            Set<WeddingKey> keys = new LinkedHashSet<>(byKey.keySet());
            try {
                Map<WeddingKey, String> found = region.getAll(keys);
                for (Map.Entry<WeddingKey, Long> entry : byKey.entrySet()) {
                    if (!this.acknowledged.get(entry.getValue()).equals(found.get(entry.getKey()))) {
                        lost++;
                        samples.add(entry.getKey().weddingId() + "/" + entry.getKey().itemId());
                    }
                }
            }
            catch (RuntimeException ex) {
                lost += batch.size();
                failedReads += batch.size();
                samples.add(batch.size() + " keys unread: " + ex);
            }
        }
        return new Verification(numbers.size(), lost, failedReads, samples.stream().limit(5).toList());
    }

    /**
     * The outcome of reading back the acknowledged writes.
     *
     * @param acknowledged writes the grid acknowledged
     * @param lost those missing or holding another value, or whose read failed
     * @param failedReads keys whose read failed
     * @param samples up to 5 of the lost keys
     */
    record Verification(long acknowledged, long lost, long failedReads, List<String> samples) {

        @Override
        public String toString() {
            return "acknowledged=" + this.acknowledged + " lost=" + this.lost + " failedReads=" + this.failedReads
                    + (this.samples.isEmpty() ? "" : " e.g. " + this.samples);
        }
    }
}

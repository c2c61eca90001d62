package com.wedsync.grid.node.e2e;

import static org.awaitility.Awaitility.await;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.key.WeddingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The books on wedding-data writes: every write goes to a key of its own with a value of
 * its own, and each one the grid acknowledged is remembered, so that afterwards every
 * acknowledged write can be read back. Lost means acknowledged, but missing or holding
 * another value.
 */
final class ChaosLedger {

    /**
     * Weddings the keys are spread over: enough to touch every one of the 271 partitions.
     */
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

    /**
     * Returns the value write {@code number} stored, or {@code null} if it was not
     * acknowledged.
     */
    String expected(long number) {
        return this.acknowledged.get(number);
    }

    long size() {
        return this.acknowledged.size();
    }

    /**
     * Reads back every acknowledged write, in batches. Use a client that has not read
     * these keys before, so the answers come from the members and not from a near cache.
     * @param region wedding data of a fresh client
     * @return how many were acknowledged and which were lost
     */
    Verification verify(CacheRegion<WeddingKey, String> region) {
        return verify(region, Duration.ZERO);
    }

    /**
     * Reads back every acknowledged write, in batches, and reads a batch whose read
     * failed again until it answers or {@code retryFor} has passed: a write counts as
     * lost only if it is missing, holds another value, or cannot be read within that
     * time. {@link Verification#failedReads()} still counts the first failures.
     * @param region wedding data of a fresh client
     * @param retryFor how long to keep reading a batch whose read failed; zero for no
     * retry
     * @return how many were acknowledged and which were lost
     */
    Verification verify(CacheRegion<WeddingKey, String> region, Duration retryFor) {
        List<Long> numbers = new ArrayList<>(this.acknowledged.keySet());
        List<String> samples = new ArrayList<>();
        long lost = 0;
        long failedReads = 0;
        long start = System.nanoTime();
        long readableAfter = 0;
        for (int from = 0; from < numbers.size(); from += BATCH) {
            List<Long> batch = numbers.subList(from, Math.min(numbers.size(), from + BATCH));
            Map<WeddingKey, Long> byKey = new HashMap<>();
            batch.forEach((number) -> byKey.put(key(number), number));
            Set<WeddingKey> keys = new LinkedHashSet<>(byKey.keySet());
            Map<WeddingKey, String> found;
            try {
                found = region.getAll(keys);
            }
            catch (RuntimeException ex) {
                failedReads += batch.size();
                samples.add(batch.size() + " keys unread at first: " + ex);
                found = (retryFor.isZero()) ? null : readAgain(region, keys, retryFor);
                if (found == null) {
                    lost += batch.size();
                    continue;
                }
                readableAfter = System.nanoTime() - start;
            }
            for (Map.Entry<WeddingKey, Long> entry : byKey.entrySet()) {
                if (!this.acknowledged.get(entry.getValue()).equals(found.get(entry.getKey()))) {
                    lost++;
                    samples.add(entry.getKey().weddingId() + "/" + entry.getKey().itemId());
                }
            }
        }
        return new Verification(numbers.size(), lost, failedReads, Duration.ofNanos(readableAfter),
                samples.stream().limit(5).toList());
    }

    /**
     * Reads the keys until a read answers, at most {@code retryFor}; null if none did.
     */
    private static Map<WeddingKey, String> readAgain(CacheRegion<WeddingKey, String> region, Set<WeddingKey> keys,
            Duration retryFor) {
        AtomicReference<Map<WeddingKey, String>> found = new AtomicReference<>();
        try {
            await("a batch of " + keys.size() + " acknowledged writes readable again").atMost(retryFor)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    found.set(region.getAll(keys));
                    return true;
                });
        }
        catch (ConditionTimeoutException ex) {
            return null;
        }
        return found.get();
    }

    /**
     * The outcome of reading back the acknowledged writes.
     *
     * @param acknowledged writes the grid acknowledged
     * @param lost those missing or holding another value, or whose read failed
     * @param failedReads keys whose first read failed
     * @param readableAfter when the last of those answered a read again, from the start
     * of the read-back; zero if none failed or none answered
     * @param samples up to 5 of the lost keys
     */
    record Verification(long acknowledged, long lost, long failedReads, Duration readableAfter, List<String> samples) {

        @Override
        public String toString() {
            return "acknowledged=" + this.acknowledged + " lost=" + this.lost + " failedReads=" + this.failedReads
                    + ((this.failedReads > 0)
                            ? " (readable again " + this.readableAfter.toMillis() + " ms into the" + " read-back)" : "")
                    + (this.samples.isEmpty() ? "" : " e.g. " + this.samples);
        }
    }

}

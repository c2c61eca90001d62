package com.wedsync.grid.node.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The member's recent samples: a ring of bounded size that drops the oldest sample when
 * full. Thread-safe.
 */
public final class SampleHistory {

    /**
     * The most samples kept, whatever the interval: 24 h at the default 5 s, about 12 MB
     * of heap.
     */
    public static final int MAX_CAPACITY = 17_280;

    private final int capacity;

    private final ArrayDeque<MemberSample> samples = new ArrayDeque<>();

    /**
     * Creates a history that covers a period at a sample interval, within
     * {@value #MAX_CAPACITY} samples.
     * @param period how long back it should reach, for example 24 h
     * @param interval the sample interval
     * @return the history
     * @throws IllegalArgumentException if the interval is not positive
     */
    public static SampleHistory covering(Duration period, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval (" + interval + ") must be positive");
        }
        long wanted = Math.max(1, period.toMillis() / Math.max(1, interval.toMillis()));
        return new SampleHistory((int) Math.min(MAX_CAPACITY, wanted));
    }

    /**
     * Creates an empty history.
     * @param capacity the most samples it keeps
     * @throws IllegalArgumentException if the capacity is below 1 or above
     * {@value #MAX_CAPACITY}
     */
    public SampleHistory(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity (" + capacity + ") must be between 1 and " + MAX_CAPACITY);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a sample, dropping the oldest when full.
     * @param sample the newest sample
     */
    public synchronized void add(MemberSample sample) {
        if (this.samples.size() == this.capacity) {
            this.samples.removeFirst();
        }
        this.samples.addLast(sample);
    }

    /**
     * Returns the newest sample.
     * @return it, or empty before the first sample
     */
    public synchronized Optional<MemberSample> latest() {
        return Optional.ofNullable(this.samples.peekLast());
    }

    /**
     * Returns the samples taken at or after an instant.
     * @param from the earliest instant
     * @return them, oldest first
     */
    public synchronized List<MemberSample> since(Instant from) {
        return this.samples.stream().filter((sample) -> !sample.at().isBefore(from)).toList();
    }

    /**
     * Returns how many samples it holds.
     * @return the count
     */
    public synchronized int size() {
        return this.samples.size();
    }

    /**
     * Returns the most samples it keeps.
     * @return the capacity
     */
    public int capacity() {
        return this.capacity;
    }

}

package com.wedsync.grid.loadtest.workload;

import java.util.SplittableRandom;

/**
 * Chooses an index in {@code [0, size())} by some popularity distribution.
 * Implementations hold no mutable state after construction, so one instance is shared by
 * every generator thread; each thread passes its own random.
 */
public interface KeyChooser {

    /**
     * Draws the next index.
     * @param random the calling thread's random
     * @return an index in {@code [0, size())}
     */
    long next(SplittableRandom random);

    /**
     * Returns how many indexes this chooser draws from.
     * @return the size of the range, at least 1
     */
    long size();

    /**
     * Returns a chooser that draws every index with the same probability.
     * @param size the size of the range, at least 1
     * @return the chooser
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    static KeyChooser uniform(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("KeyChooser.size must be at least 1, was " + size);
        }
        return new KeyChooser() {
            @Override
            public long next(SplittableRandom random) {
                return random.nextLong(size);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    /**
     * Returns a YCSB "latest" chooser: Zipfian by recency, the highest index (the newest
     * record) the most popular.
     * @param size the size of the range, at least 1
     * @param theta the Zipfian constant, in {@code [0, 1)}
     * @return the chooser
     * @throws IllegalArgumentException naming the field if an argument is out of range
     */
    static KeyChooser latest(long size, double theta) {
        ZipfianGenerator byAge = new ZipfianGenerator(size, theta);
        return new KeyChooser() {
            @Override
            public long next(SplittableRandom random) {
                return size - 1 - byAge.next(random);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

}

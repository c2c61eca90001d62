package com.wedsync.grid.loadtest.workload;

import java.util.SplittableRandom;

/**
 * YCSB's Zipfian generator over {@code [0, items)}: index (rank) {@code i} is drawn with
 * probability proportional to {@code 1 / (i + 1)^theta}, using the closed-form
 * approximation of Gray et al. ("Quickly generating billion-record synthetic databases",
 * SIGMOD 1994) that YCSB uses, which draws ranks 0 and 1 exactly.
 * <p>
 * The scrambled variant ({@link #scrambled}) maps each rank to an item through a fixed
 * pseudo-random permutation (a Feistel network whose round function is the FNV-1a hash,
 * with cycle walking to stay in range), so the popular items are spread over the range
 * instead of clustered at its start. Unlike YCSB's {@code hash(rank) mod items} it is a
 * bijection: every item is reachable and no two ranks collide, so the frequencies stay
 * exactly Zipfian.
 * <p>
 * Immutable after construction and therefore thread-safe: each caller passes its own
 * {@link SplittableRandom}.
 */
public final class ZipfianGenerator implements KeyChooser {

    /** YCSB's default Zipfian constant. */
    public static final double DEFAULT_THETA = 0.99;

    /** The most items a generator accepts, {@value}. */
    public static final long MAX_ITEMS = 1L << 40;

    /**
     * Up to this many items zeta is summed term by term; beyond it the tail is
     * Euler–Maclaurin's estimate.
     */
    private static final long EXACT_ZETA_TERMS = 1L << 22;

    private static final long FNV_OFFSET_BASIS = 0xCBF29CE484222325L;

    private static final long FNV_PRIME = 0x100000001B3L;

    private static final int FEISTEL_ROUNDS = 4;

    private final long items;

    private final double theta;

    private final double zetan;

    private final double alpha;

    private final double eta;

    private final double rankOneBound;

    private final boolean scrambled;

    private final int halfBits;

    private final long halfMask;

    /**
     * Creates a Zipfian generator with YCSB's default constant {@value #DEFAULT_THETA}.
     * @param items the number of items, in {@code [1, MAX_ITEMS]}
     * @throws IllegalArgumentException if {@code items} is out of range
     */
    public ZipfianGenerator(long items) {
        this(items, DEFAULT_THETA);
    }

    /**
     * Creates a Zipfian generator; rank 0 is item 0, the most popular.
     * @param items the number of items, in {@code [1, MAX_ITEMS]}
     * @param theta the Zipfian constant, in {@code [0, 1)}: 0 is uniform, values near 1
     * are very skewed
     * @throws IllegalArgumentException naming the field if an argument is out of range
     */
    public ZipfianGenerator(long items, double theta) {
        this(items, theta, false);
    }

    private ZipfianGenerator(long items, double theta, boolean scrambled) {
        if (items < 1 || items > MAX_ITEMS) {
            throw new IllegalArgumentException(
                    "ZipfianGenerator.items must be in [1, " + MAX_ITEMS + "], was " + items);
        }
        if (!(theta >= 0.0 && theta < 1.0)) {
            throw new IllegalArgumentException("ZipfianGenerator.theta must be in [0, 1), was " + theta);
        }
        this.items = items;
        this.theta = theta;
        this.scrambled = scrambled;
        this.zetan = zeta(items, theta);
        this.alpha = 1.0 / (1.0 - theta);
        double zeta2 = zeta(Math.min(items, 2), theta);
        this.eta = (items <= 2) ? 1.0 : (1.0 - Math.pow(2.0 / items, 1.0 - theta)) / (1.0 - zeta2 / this.zetan);
        this.rankOneBound = 1.0 + Math.pow(0.5, theta);
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(items - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << this.halfBits) - 1;
    }

    /**
     * Creates a scrambled Zipfian generator with YCSB's default constant
     * {@value #DEFAULT_THETA}.
     * @param items the number of items, in {@code [1, MAX_ITEMS]}
     * @return the generator
     * @throws IllegalArgumentException if {@code items} is out of range
     */
    public static ZipfianGenerator scrambled(long items) {
        return scrambled(items, DEFAULT_THETA);
    }

    /**
     * Creates a scrambled Zipfian generator: the same frequencies, with the popular items
     * spread over the range.
     * @param items the number of items, in {@code [1, MAX_ITEMS]}
     * @param theta the Zipfian constant, in {@code [0, 1)}
     * @return the generator
     * @throws IllegalArgumentException naming the field if an argument is out of range
     */
    public static ZipfianGenerator scrambled(long items, double theta) {
        return new ZipfianGenerator(items, theta, true);
    }

    /**
     * Draws the next item.
     * @param random the calling thread's random
     * @return an item in {@code [0, items)}
     */
    @Override
    public long next(SplittableRandom random) {
        return itemOfRank(nextRank(random));
    }

    /**
     * Draws the next popularity rank, before any scrambling: 0 is the most popular.
     * @param random the calling thread's random
     * @return a rank in {@code [0, items)}
     */
    public long nextRank(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * this.zetan;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < this.rankOneBound) {
            return 1;
        }
        long rank = (long) (this.items * Math.pow(this.eta * u - this.eta + 1.0, this.alpha));
        return Math.min(Math.max(rank, 0), this.items - 1);
    }

    /**
     * Returns the item a rank maps to: the rank itself, or its place in the fixed
     * permutation if scrambled.
     * @param rank a rank in {@code [0, items)}
     * @return the item in {@code [0, items)}
     * @throws IllegalArgumentException if the rank is out of range
     */
    public long itemOfRank(long rank) {
        if (rank < 0 || rank >= this.items) {
            throw new IllegalArgumentException("rank must be in [0, " + this.items + "), was " + rank);
        }
        if (!this.scrambled || this.items == 1) {
            return rank;
        }
        long item = rank;
        do {
            item = feistel(item);
        }
        while (item >= this.items);
        return item;
    }

    /**
     * Returns the exact Zipfian probability of a rank,
     * {@code (1 / (rank + 1)^theta) / zeta(items, theta)}: what {@link #nextRank}
     * approximates (exactly for ranks 0 and 1).
     * @param rank a rank in {@code [0, items)}
     * @return the probability
     */
    public double probability(long rank) {
        return Math.pow(rank + 1.0, -this.theta) / this.zetan;
    }

    /**
     * Returns the number of items.
     * @return the number of items
     */
    @Override
    public long size() {
        return this.items;
    }

    /**
     * Returns the Zipfian constant.
     * @return theta
     */
    public double theta() {
        return this.theta;
    }

    /**
     * Tells whether the popular items are spread over the range.
     * @return {@code true} for the scrambled variant
     */
    public boolean isScrambled() {
        return this.scrambled;
    }

    /**
     * Returns the generalized harmonic number {@code sum(1 / i^theta, i = 1..n)}: summed
     * exactly up to about four million terms, the rest estimated by the Euler–Maclaurin
     * formula (relative error far below 1e-12).
     * @param n the number of terms, at least 0
     * @param theta the exponent, at least 0
     * @return zeta(n, theta)
     */
    public static double zeta(long n, double theta) {
        long exact = Math.min(n, EXACT_ZETA_TERMS);
        double sum = 0.0;
        for (long i = exact; i >= 1; i--) {
            sum += Math.pow(i, -theta);
        }
        if (n > exact) {
            double m = exact;
            double big = n;
            double integral = (theta == 1.0) ? Math.log(big / m)
                    : (Math.pow(big, 1.0 - theta) - Math.pow(m, 1.0 - theta)) / (1.0 - theta);
            double ends = (Math.pow(big, -theta) - Math.pow(m, -theta)) / 2.0;
            double slopes = (-theta * Math.pow(big, -theta - 1.0) + theta * Math.pow(m, -theta - 1.0)) / 12.0;
            sum += integral + ends + slopes;
        }
        return sum;
    }

    /**
     * Returns the 64-bit FNV-1a hash of a long's eight bytes, least significant first.
     * @param value the value
     * @return the hash
     */
    public static long fnv1a64(long value) {
        long hash = FNV_OFFSET_BASIS;
        long rest = value;
        for (int i = 0; i < Long.BYTES; i++) {
            hash ^= rest & 0xFF;
            hash *= FNV_PRIME;
            rest >>>= 8;
        }
        return hash;
    }

    private long feistel(long value) {
        long left = (value >>> this.halfBits) & this.halfMask;
        long right = value & this.halfMask;
        for (int round = 0; round < FEISTEL_ROUNDS; round++) {
            long mixed = (fnv1a64(right ^ ((long) round << 56)) >>> (64 - this.halfBits)) & this.halfMask;
            long next = left ^ mixed;
            left = right;
            right = next;
        }
        return (left << this.halfBits) | right;
    }

}

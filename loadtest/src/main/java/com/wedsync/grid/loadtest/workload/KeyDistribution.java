package com.wedsync.grid.loadtest.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How keys are chosen within a range: the request distributions of YCSB.
 */
public enum KeyDistribution {

    /** Every key equally likely. */
    UNIFORM("uniform"),
    /** Zipfian by index: index 0 is the most popular, then 1, and so on. */
    ZIPFIAN("zipfian"),
    /**
     * Zipfian with the popular indexes spread over the range by a hash (YCSB's default
     * for A, B, C and F).
     */
    SCRAMBLED_ZIPFIAN("scrambled"),
    /**
     * Zipfian by recency: the highest index (the newest record) is the most popular (YCSB
     * workload D).
     */
    LATEST("latest");

    private final String id;

    KeyDistribution(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in workload specs.
     * @return the name, for example {@code zipfian}
     */
    public String id() {
        return this.id;
    }

    /**
     * Builds a chooser of this distribution over {@code [0, size)}.
     * @param size the size of the range, at least 1
     * @param theta the Zipfian constant, in {@code [0, 1)}; ignored by {@link #UNIFORM}
     * @return the chooser, shareable between threads
     * @throws IllegalArgumentException naming the field if an argument is out of range
     */
    public KeyChooser chooser(long size, double theta) {
        return switch (this) {
            case UNIFORM -> KeyChooser.uniform(size);
            case ZIPFIAN -> new ZipfianGenerator(size, theta);
            case SCRAMBLED_ZIPFIAN -> ZipfianGenerator.scrambled(size, theta);
            case LATEST -> KeyChooser.latest(size, theta);
        };
    }

    /**
     * Finds a distribution by its spec name, ignoring case.
     * @param id the name, for example {@code latest}
     * @return the distribution
     * @throws IllegalArgumentException naming the value and the known names if none
     * matches
     */
    public static KeyDistribution fromId(String id) {
        for (KeyDistribution distribution : values()) {
            if (distribution.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return distribution;
            }
        }
        throw new IllegalArgumentException("unknown key distribution '" + id + "' (known: "
                + Arrays.stream(values()).map(KeyDistribution::id).collect(Collectors.joining(", ")) + ")");
    }

}

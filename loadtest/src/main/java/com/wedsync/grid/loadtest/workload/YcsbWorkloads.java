package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import java.util.Locale;

/**
 * The YCSB core workloads, as presets of {@link YcsbSettings} over one data class (by
 * default vendor responses).
 * <ul>
 * <li>A — update heavy: 50 % reads, 50 % updates, scrambled Zipfian.</li>
 * <li>B — read mostly: 95 % reads, 5 % updates, scrambled Zipfian.</li>
 * <li>C — read only: 100 % reads, scrambled Zipfian.</li>
 * <li>D — read latest: 95 % reads, 5 % writes, "latest" distribution. YCSB inserts new
 * records and reads the newest most; over this fixed, preloadable key space the
 * highest-numbered records play the newest and are the hottest, and the 5 % writes are
 * updates drawn from the same distribution (rewriting recent records) instead of inserts
 * that grow the key space.</li>
 * <li>F — read-modify-write: 50 % reads, 50 % read-modify-writes, scrambled Zipfian. A
 * workload returns one operation at a time, so a read-modify-write is a GET followed, on
 * the same thread's next call, by a PUT of the same key: a third of the operations are
 * PUTs.</li>
 * </ul>
 * Workload E (short range scans) has no counterpart in a key-value cache and is not
 * offered.
 */
public enum YcsbWorkloads {

    /** Update heavy: 50/50 reads and updates. */
    A(0.5, false, KeyDistribution.SCRAMBLED_ZIPFIAN),
    /** Read mostly: 95/5 reads and updates. */
    B(0.95, false, KeyDistribution.SCRAMBLED_ZIPFIAN),
    /** Read only. */
    C(1.0, false, KeyDistribution.SCRAMBLED_ZIPFIAN),
    /** Read latest: 95/5, the newest records the hottest. */
    D(0.95, false, KeyDistribution.LATEST),
    /** Read-modify-write: 50 % reads, 50 % GET-then-PUT of one key. */
    F(0.5, true, KeyDistribution.SCRAMBLED_ZIPFIAN);

    /** The class the presets run over unless told otherwise. */
    public static final DataClass DEFAULT_CLASS = DataClass.VENDOR_RESPONSES;

    /** The default number of records. */
    public static final int DEFAULT_RECORDS = 100_000;

    /** The default value size: YCSB's ten 100-byte fields, about 1 KiB. */
    public static final int DEFAULT_VALUE_SIZE = 1_024;

    /** The default seed of the value pool. */
    public static final long DEFAULT_SEED = 42L;

    private final double readShare;

    private final boolean readModifyWrite;

    private final KeyDistribution distribution;

    YcsbWorkloads(double readShare, boolean readModifyWrite, KeyDistribution distribution) {
        this.readShare = readShare;
        this.readModifyWrite = readModifyWrite;
        this.distribution = distribution;
    }

    /**
     * Returns this preset's settings over the default class, with YCSB's default theta.
     * @param records the number of records, at least 1
     * @param valueSize the value size in bytes, at least 1
     * @return the settings
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public YcsbSettings settings(int records, int valueSize) {
        return new YcsbSettings("ycsb-" + name(), DEFAULT_CLASS, records, valueSize, this.readShare,
                this.readModifyWrite, this.distribution, ZipfianGenerator.DEFAULT_THETA, DEFAULT_SEED);
    }

    /**
     * Builds this preset with the default class.
     * @param records the number of records, at least 1
     * @param valueSize the value size in bytes, at least 1
     * @return the workload
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public YcsbWorkload create(int records, int valueSize) {
        return new YcsbWorkload(settings(records, valueSize));
    }

    /**
     * Builds this preset with the default record count and value size.
     * @return the workload
     */
    public YcsbWorkload create() {
        return create(DEFAULT_RECORDS, DEFAULT_VALUE_SIZE);
    }

    /**
     * Finds a preset by its letter, ignoring case.
     * @param letter {@code A}, {@code B}, {@code C}, {@code D} or {@code F}
     * @return the preset
     * @throws IllegalArgumentException naming the value if it is not one of them (E is
     * explained)
     */
    public static YcsbWorkloads fromLetter(String letter) {
        String normalized = (letter == null) ? "" : letter.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("E")) {
            throw new IllegalArgumentException(
                    "YCSB workload 'E' (range scans) is not supported by a key-value" + " cache; use A, B, C, D or F");
        }
        for (YcsbWorkloads workload : values()) {
            if (workload.name().equals(normalized)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown YCSB workload '" + letter + "' (known: A, B, C, D, F)");
    }

}

package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;

/**
 * A YCSB-style workload over one data class: a fixed set of records, one value size, a
 * read share and a request distribution. The YCSB core workloads are presets of it
 * ({@link YcsbWorkloads}).
 *
 * @param name the name in reports, for example {@code ycsb-B}
 * @param dataClass the class every operation goes to
 * @param records the number of records, at least 1
 * @param valueSize the size of every value in bytes, at least 1
 * @param readShare the share of plain reads, in [0, 1]; the rest are updates, or
 * read-modify-writes if {@code readModifyWrite}
 * @param readModifyWrite whether the non-read share is read-modify-write (a GET then a
 * PUT of the same key)
 * @param distribution how records are chosen
 * @param theta the Zipfian constant, in [0, 1)
 * @param seed the seed of the value pool
 */
public record YcsbSettings(String name, DataClass dataClass, int records, int valueSize, double readShare,
        boolean readModifyWrite, KeyDistribution distribution, double theta, long seed) {

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the field and the value if one is missing
     * or out of range
     */
    public YcsbSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("YcsbSettings.name must not be blank, was '" + name + "'");
        }
        if (dataClass == null) {
            throw new IllegalArgumentException("YcsbSettings.dataClass must not be null");
        }
        if (distribution == null) {
            throw new IllegalArgumentException("YcsbSettings.distribution must not be null");
        }
        if (records < 1) {
            throw new IllegalArgumentException("YcsbSettings.records must be at least 1, was " + records);
        }
        if (valueSize < 1) {
            throw new IllegalArgumentException("YcsbSettings.valueSize must be at least 1, was " + valueSize);
        }
        if (!(readShare >= 0.0 && readShare <= 1.0)) {
            throw new IllegalArgumentException("YcsbSettings.readShare must be in [0, 1], was " + readShare);
        }
        if (!(theta >= 0.0 && theta < 1.0)) {
            throw new IllegalArgumentException("YcsbSettings.theta must be in [0, 1), was " + theta);
        }
    }

    /**
     * Returns a copy over another class.
     * @param newClass the class
     * @return the copy
     */
    public YcsbSettings withDataClass(DataClass newClass) {
        return new YcsbSettings(this.name, newClass, this.records, this.valueSize, this.readShare, this.readModifyWrite,
                this.distribution, this.theta, this.seed);
    }

    /**
     * Returns a copy with another request distribution.
     * @param newDistribution the distribution
     * @return the copy
     */
    public YcsbSettings withDistribution(KeyDistribution newDistribution) {
        return new YcsbSettings(this.name, this.dataClass, this.records, this.valueSize, this.readShare,
                this.readModifyWrite, newDistribution, this.theta, this.seed);
    }

    /**
     * Returns a copy with another Zipfian constant.
     * @param newTheta the constant, in [0, 1)
     * @return the copy
     */
    public YcsbSettings withTheta(double newTheta) {
        return new YcsbSettings(this.name, this.dataClass, this.records, this.valueSize, this.readShare,
                this.readModifyWrite, this.distribution, newTheta, this.seed);
    }

    /**
     * Returns a copy with another read share.
     * @param newReadShare the share of plain reads, in [0, 1]
     * @return the copy
     */
    public YcsbSettings withReadShare(double newReadShare) {
        return new YcsbSettings(this.name, this.dataClass, this.records, this.valueSize, newReadShare,
                this.readModifyWrite, this.distribution, this.theta, this.seed);
    }
}

package com.wedsync.grid.loadtest.workload;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A YCSB-style workload over one data class. Record {@code i} has the key
 * {@code (user<i>, record)}: the record id is the partition key, so records spread over
 * the partitions like YCSB's keys over a cluster.
 * <p>
 * Read-modify-write ({@link YcsbSettings#readModifyWrite()}) is stateful per calling
 * thread: after a read-modify- write's GET, that thread's next call returns the PUT of
 * the same key. Everything else is immutable; the workload is thread-safe.
 */
public final class YcsbWorkload implements FiniteWorkload {

    /** The item id of every record. */
    public static final String ITEM_ID = "record";

    /**
     * Up to this many records the ids are pre-built; beyond it they are built per
     * operation.
     */
    private static final int PREBUILT_IDS = 1 << 21;

    private final YcsbSettings settings;

    private final KeyChooser chooser;

    private final ValuePool pool;

    private final String[] ids;

    private final ThreadLocal<WeddingKey[]> pendingWrite;

    /**
     * Builds the workload.
     * @param settings what it does
     */
    public YcsbWorkload(YcsbSettings settings) {
        this.settings = settings;
        this.chooser = settings.distribution().chooser(settings.records(), settings.theta());
        this.pool = ValuePool.generate(ValueShape.fixed(settings.valueSize(), ValueShape.Content.ASCII),
                ValuePool.DEFAULT_SIZE, settings.seed());
        this.ids = (settings.records() <= PREBUILT_IDS) ? new String[settings.records()] : null;
        if (this.ids != null) {
            for (int i = 0; i < this.ids.length; i++) {
                this.ids[i] = "user" + i;
            }
        }
        this.pendingWrite = settings.readModifyWrite() ? ThreadLocal.withInitial(() -> new WeddingKey[1]) : null;
    }

    @Override
    public Operation next(SplittableRandom random) {
        DataClass dataClass = this.settings.dataClass();
        if (this.pendingWrite != null) {
            WeddingKey[] pending = this.pendingWrite.get();
            if (pending[0] != null) {
                WeddingKey key = pending[0];
                pending[0] = null;
                return new Operation(OpType.PUT, dataClass, key, this.pool.pick(random));
            }
        }
        boolean read = random.nextDouble() < this.settings.readShare();
        WeddingKey key = key((int) this.chooser.next(random));
        if (read) {
            return new Operation(OpType.GET, dataClass, key, null);
        }
        if (this.pendingWrite != null) {
            this.pendingWrite.get()[0] = key;
            return new Operation(OpType.GET, dataClass, key, null);
        }
        return new Operation(OpType.PUT, dataClass, key, this.pool.pick(random));
    }

    /**
     * Returns the key of a record.
     * @param record the record number, in {@code [0, records)}
     * @return its key
     */
    public WeddingKey key(int record) {
        return new WeddingKey((this.ids != null) ? this.ids[record] : "user" + record, ITEM_ID);
    }

    @Override
    public void forEachKey(BiConsumer<DataClass, WeddingKey> action) {
        for (int i = 0; i < this.settings.records(); i++) {
            action.accept(this.settings.dataClass(), key(i));
        }
    }

    @Override
    public long keyCount(DataClass dataClass) {
        return (dataClass == this.settings.dataClass()) ? this.settings.records() : 0;
    }

    @Override
    public byte[] valueFor(DataClass dataClass, SplittableRandom random) {
        if (dataClass != this.settings.dataClass()) {
            throw new IllegalArgumentException("workload " + this.settings.name() + " writes only "
                    + this.settings.dataClass().id() + ", not " + dataClass.id());
        }
        return this.pool.pick(random);
    }

    /**
     * Returns the settings the workload was built from.
     * @return the settings
     */
    public YcsbSettings settings() {
        return this.settings;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d records of %d B in %s, %s, theta %.2f, reads %.0f %%%s",
                this.settings.name(), this.settings.records(), this.settings.valueSize(),
                this.settings.dataClass().id(), this.settings.distribution().id(), this.settings.theta(),
                100.0 * this.settings.readShare(), this.settings.readModifyWrite() ? ", rest read-modify-write" : "");
    }

}

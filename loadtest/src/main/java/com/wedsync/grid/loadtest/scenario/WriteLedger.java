package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.ObservedTarget;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target that keeps the books on wedding-data writes, so a failover can be checked for
 * lost writes: every write of wedding data goes to a key of its own (same wedding, so
 * same partition, item {@code ledger-<n>}), and each one the target acknowledged is
 * remembered. A write that was acknowledged and cannot be read afterwards was lost. It
 * also notes when the last operation failed, for the time to recover.
 */
public final class WriteLedger extends ObservedTarget {

    private final AtomicLong sequence = new AtomicLong();

    private final Queue<WeddingKey> acknowledged = new ConcurrentLinkedQueue<>();

    private final AtomicLong lastErrorNanos = new AtomicLong();

    /**
     * Wraps a target.
     * @param target the target; closed with the ledger
     */
    public WriteLedger(Target target) {
        super(target);
    }

    @Override
    protected Operation sent(Operation operation) {
        if (operation.type() != OpType.PUT || operation.dataClass() != DataClass.WEDDING_DATA) {
            return operation;
        }
        WeddingKey key = new WeddingKey(operation.key().weddingId(), "ledger-" + this.sequence.incrementAndGet());
        return new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, operation.value());
    }

    @Override
    protected void succeeded(Operation sent) {
        if (sent.type() == OpType.PUT && sent.dataClass() == DataClass.WEDDING_DATA) {
            this.acknowledged.add(sent.key());
        }
    }

    @Override
    protected void failed(Operation sent) {
        this.lastErrorNanos.set(System.nanoTime());
    }

    /**
     * Returns when the last operation failed.
     * @return a {@code nanoTime} value, or 0 if none failed
     */
    public long lastErrorNanos() {
        return this.lastErrorNanos.get();
    }

    /**
     * Reads back every acknowledged wedding-data write.
     * @return how many were acknowledged, and which of them could not be read
     */
    public Verification verify() {
        List<WeddingKey> keys = List.copyOf(this.acknowledged);
        List<String> lost = new ArrayList<>();
        long failedReads = 0;
        for (WeddingKey key : keys) {
            try {
                if (target().execute(new Operation(OpType.GET, DataClass.WEDDING_DATA, key, null)) == Layer.MISS) {
                    lost.add(key.weddingId() + "/" + key.itemId());
                }
            }
            catch (RuntimeException ex) {
                failedReads++;
                lost.add(key.weddingId() + "/" + key.itemId() + " (" + ex.getMessage() + ")");
            }
        }
        return new Verification(keys.size(), lost.size(), failedReads, lost.stream().limit(10).toList());
    }

    /**
     * The outcome of reading back the acknowledged writes.
     *
     * @param acknowledged the wedding-data writes the target acknowledged
     * @param lost those that could not be read back
     * @param failedReads of the lost, those whose read failed rather than found nothing
     * @param samples up to 10 of the lost keys
     */
    public record Verification(long acknowledged, long lost, long failedReads, List<String> samples) {
    }

}

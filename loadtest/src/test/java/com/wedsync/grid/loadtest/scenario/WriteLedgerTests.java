package com.wedsync.grid.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.CaffeineTarget;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The ledger over a real in-process cache: wedding writes go to keys of their own and are
 * read back; a target that acknowledges writes it drops is caught; failures are timed.
 */
class WriteLedgerTests {

    private static final WeddingKey TIMELINE = new WeddingKey("w-1", "timeline");

    @Test
    void everyAcknowledgedWeddingWriteIsReadBack() throws Exception {
        try (CaffeineTarget cache = new CaffeineTarget(1_000); WriteLedger ledger = new WriteLedger(cache)) {
            ledger.execute(put(DataClass.WEDDING_DATA, TIMELINE));
            ledger.execute(put(DataClass.WEDDING_DATA, TIMELINE));
            ledger.executeAsync(put(DataClass.WEDDING_DATA, TIMELINE)).toCompletableFuture().get();
            ledger.execute(put(DataClass.VENDOR_RESPONSES, TIMELINE));

            assertThat(ledger.verify()).isEqualTo(new WriteLedger.Verification(3, 0, 0, List.of()));
            // Each write went to a key of its own in the same wedding; the workload's key
            // was never written.
            assertThat(cache.execute(get(new WeddingKey("w-1", "ledger-3")))).isEqualTo(Layer.L1);
            assertThat(cache.execute(get(TIMELINE))).isEqualTo(Layer.MISS);
        }
    }

    @Test
    void aWriteAcknowledgedAndDroppedIsLost() {
        try (WriteLedger ledger = new WriteLedger(new Forgetful(new CaffeineTarget(1_000)))) {
            ledger.execute(put(DataClass.WEDDING_DATA, TIMELINE));

            WriteLedger.Verification verification = ledger.verify();

            assertThat(verification.lost()).isEqualTo(1);
            assertThat(verification.samples()).containsExactly("w-1/ledger-1");
        }
    }

    @Test
    void aFailedWriteIsNotOnTheBooksAndItsTimeIsNoted() {
        try (WriteLedger ledger = new WriteLedger(new Failing())) {
            long before = System.nanoTime();

            assertThatThrownBy(() -> ledger.execute(put(DataClass.WEDDING_DATA, TIMELINE))).hasMessage("member gone");
            assertThatThrownBy(
                    () -> ledger.executeAsync(put(DataClass.WEDDING_DATA, TIMELINE)).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class);

            assertThat(ledger.lastErrorNanos() - before).isPositive();
            assertThat(ledger.verify().acknowledged()).isZero();
        }
    }

    private static Operation put(DataClass dataClass, WeddingKey key) {
        return new Operation(OpType.PUT, dataClass, key, new byte[16]);
    }

    private static Operation get(WeddingKey key) {
        return new Operation(OpType.GET, DataClass.WEDDING_DATA, key, null);
    }

    /**
     * Acknowledges every write and keeps none: what a lost write looks like from outside.
     */
    private record Forgetful(Target cache) implements Target {

        @Override
        public String name() {
            return "forgetful";
        }

        @Override
        public Layer execute(Operation operation) {
            return (operation.type() == OpType.PUT) ? Layer.WRITE : this.cache.execute(operation);
        }

        @Override
        public void close() {
            this.cache.close();
        }
    }

    /** Fails every operation. */
    private static final class Failing implements Target {

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public Layer execute(Operation operation) {
            throw new IllegalStateException("member gone");
        }

        @Override
        public void close() {
        }

    }

}

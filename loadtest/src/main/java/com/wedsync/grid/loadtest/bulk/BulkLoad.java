package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loads N values of S bytes into a target in batches, timing each round from the first write to the last
 * acknowledgement. Keys and values are made before the clock starts: keys of 1,000 weddings (so batches spread
 * over the partitions), values from a pool of 64 random (incompressible) arrays.
 */
public final class BulkLoad {

    private static final int WEDDINGS = 1_000;

    private static final int DISTINCT_VALUES = 64;

    private final BulkOptions options;

    private final PrintStream out;

    /**
     * Creates a load.
     * @param options what to load where
     * @param out where progress lines go
     */
    public BulkLoad(BulkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Opens the options' target.
     * @param options the options
     * @return the sink, owning whatever it started
     */
    static BulkSink open(BulkOptions options) {
        return switch (options.target()) {
            case "redis" -> RedisBulkSink.open(options.where().redisUri(), CatalogLoader.loadDefault(),
                    options.dataClass());
            default -> GridBulkSink.open(options.target(), options.where(), options.dataClass());
        };
    }

    /**
     * Opens the target, runs every round and closes the target.
     * @return what was measured
     */
    public BulkResult run() {
        try (BulkSink sink = open(this.options)) {
            return run(sink);
        }
    }

    BulkResult run(BulkSink sink) {
        List<WeddingKey> keys = keys(this.options.values());
        byte[][] values = values(this.options.valueBytes());
        long deadline = System.nanoTime() + this.options.timeout().toNanos();
        List<BulkResult.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= this.options.rounds(); round++) {
            BulkResult.Round measured = round(sink, keys, values, deadline);
            rounds.add(measured);
            this.out.printf("round %d: %,d values in %.2f s, %,.0f values/s%s%n", round, measured.written(),
                    measured.seconds(), measured.valuesPerSecond(), measured.completed() ? "" : " (timed out)");
            if (!measured.completed()) {
                break;
            }
        }
        return new BulkResult(sink.name(), this.options.dataClass().id(), this.options.values(),
                this.options.valueBytes(), this.options.batch(), sink.members(), rounds);
    }

    private BulkResult.Round round(BulkSink sink, List<WeddingKey> keys, byte[][] values, long deadline) {
        int batchSize = this.options.batch();
        long start = System.nanoTime();
        int written = 0;
        while (written < keys.size() && System.nanoTime() - deadline < 0) {
            int end = Math.min(keys.size(), written + batchSize);
            Map<WeddingKey, byte[]> batch = new HashMap<>((int) ((end - written) / 0.75f) + 1);
            for (int i = written; i < end; i++) {
                batch.put(keys.get(i), values[i % values.length]);
            }
            sink.write(batch);
            written = end;
        }
        return BulkResult.Round.of(written, written == keys.size(), System.nanoTime() - start);
    }

    private static List<WeddingKey> keys(int count) {
        List<WeddingKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(new WeddingKey("bulk-" + (i % WEDDINGS), "item-" + i));
        }
        return keys;
    }

    private static byte[][] values(int size) {
        SplittableRandom random = new SplittableRandom(42);
        byte[][] values = new byte[DISTINCT_VALUES][size];
        for (byte[] value : values) {
            for (int i = 0; i < size; i++) {
                value[i] = (byte) random.nextInt(256);
            }
        }
        return values;
    }
}

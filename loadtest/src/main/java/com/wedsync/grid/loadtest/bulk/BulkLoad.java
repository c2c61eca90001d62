package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import com.wedsync.grid.loadtest.usage.ProcessUsage;
import com.wedsync.grid.loadtest.usage.UsageProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loads N values of S bytes into a target in batches, timing each round from the first
 * write to the last acknowledgement. Keys and values are made before the clock starts:
 * keys of 1,000 weddings (so batches spread over the partitions), values from a pool of
 * 64 random (incompressible) arrays.
 */
public final class BulkLoad {

    private static final int WEDDINGS = 1_000;

    private static final int DISTINCT_VALUES = 64;

    private final BulkOptions options;

    private final List<ProcessSource> processes;

    private final PrintStream out;

    /**
     * Creates a load.
     * @param options what to load where
     * @param processes the processes whose CPU to record besides the target's own (the
     * generator, members the loadtest started)
     * @param out where progress lines go
     */
    public BulkLoad(BulkOptions options, List<ProcessSource> processes, PrintStream out) {
        this.options = options;
        this.processes = List.copyOf(processes);
        this.out = out;
    }

    /**
     * Opens the options' target.
     * @param options the options
     * @return the sink, owning whatever it started
     */
    static BulkSink open(BulkOptions options) {
        return switch (options.target()) {
            case "redis" ->
                RedisBulkSink.open(options.where().redisUri(), CatalogLoader.loadDefault(), options.dataClass());
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
        List<ProcessSource> recorded = new ArrayList<>(this.processes);
        recorded.addAll(sink.processes());
        UsageProbe usage = new UsageProbe(recorded);
        // The processes' CPU over the warm rounds: the first also pays for every JVM's
        // compilation.
        int firstRecorded = (this.options.rounds() > 1) ? 2 : 1;
        long deadline = System.nanoTime() + this.options.timeout().toNanos();
        List<BulkResult.Round> rounds = new ArrayList<>();
        long recordedValues = 0;
        for (int round = 1; round <= this.options.rounds(); round++) {
            if (round == firstRecorded) {
                usage.begin();
            }
            BulkResult.Round measured = round(sink, keys, values, deadline);
            rounds.add(measured);
            recordedValues += (round >= firstRecorded) ? measured.written() : 0;
            this.out.printf("round %d: %,d values in %.2f s, %,.0f values/s%s%n", round, measured.written(),
                    measured.seconds(), measured.valuesPerSecond(), measured.completed() ? "" : " (timed out)");
            if (!measured.completed()) {
                break;
            }
        }
        Map<String, Object> cpu = Map.of();
        if (rounds.size() >= firstRecorded) {
            usage.end();
            UsageProbe.Result result = usage.result(recordedValues);
            cpu = new LinkedHashMap<>(result.toMap());
            cpu.put("rounds", (firstRecorded == rounds.size()) ? String.valueOf(firstRecorded)
                    : firstRecorded + "-" + rounds.size());
            this.out.println("CPU over round(s) " + cpu.get("rounds") + ", ms per 1,000 values: "
                    + describe(result.processes()));
        }
        return new BulkResult(sink.name(), this.options.dataClass().id(), this.options.values(),
                this.options.valueBytes(), this.options.batch(), sink.members(), rounds, cpu);
    }

    private static String describe(List<ProcessUsage> processes) {
        StringBuilder line = new StringBuilder();
        for (ProcessUsage process : processes) {
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(process.name())
                .append(' ')
                .append((process.cpuSecondsPer1000Ops() < 0) ? "unknown"
                        : String.format(Locale.ROOT, "%.1f", process.cpuSecondsPer1000Ops() * 1000));
        }
        return line.toString();
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

package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.bulk.BulkLoad;
import com.wedsync.grid.loadtest.bulk.BulkOptions;
import com.wedsync.grid.loadtest.bulk.BulkResult;
import com.wedsync.grid.loadtest.usage.GeneratorSource;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulk-load}: a warm-up of N values of S bytes in batches, timed, against the grid
 * or Redis; the result in {@code bulk-load.json}.
 */
@Command(name = "bulk-load", mixinStandardHelpOptions = true,
        description = "Loads N values of S bytes in batches (putAll on the grid, pipelined SET PX on Redis), prints "
                + "the elapsed seconds and values/s, and writes bulk-load.json.")
final class BulkLoadCommand implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "grid",
            description = "grid, grid-l2 or redis (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--values", defaultValue = "100000", description = "how many values (default: ${DEFAULT-VALUE})")
    int values;

    @Option(names = "--value-size", defaultValue = "1024", description = "bytes per value (default: ${DEFAULT-VALUE})")
    int valueBytes;

    @Option(names = "--batch", defaultValue = "1000",
            description = "values per write call, 1 to 10000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--class", defaultValue = "wedding_data",
            description = "the data class the values go to (default: ${DEFAULT-VALUE})")
    String dataClass;

    @Option(names = "--rounds", defaultValue = "1",
            description = "loads of all values, each overwriting the last; the first is cold (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--timeout", defaultValue = "120s",
            description = "longest all rounds may take (default: ${DEFAULT-VALUE})")
    String timeout;

    @Mixin
    TargetLocation location = new TargetLocation();

    @Option(names = "--out", description = "output folder (default: loadtest-results/bulk-load-<target>)")
    Path out;

    @Override
    public Integer call() {
        Path folder = RunOptions
            .createdFolder((this.out != null) ? this.out : Path.of("loadtest-results", "bulk-load-" + this.target));
        DataClass chosen = DataClass.fromId(this.dataClass);
        Duration limit = Durations.parse("--timeout", this.timeout);
        // Checked before any member starts, so a bad option is one named error with
        // nothing left running.
        BulkOptions checked = new BulkOptions(this.target, chosen, this.values, this.valueBytes, this.batch,
                this.rounds, limit, this.location.options(1, 512));
        try (Topology topology = Topology.open(checked.where(),
                this.location.nodeLaunch(512, folder.resolve("nodes")))) {
            BulkOptions options = new BulkOptions(this.target, chosen, this.values, this.valueBytes, this.batch,
                    this.rounds, limit, topology.targets());
            System.out.printf("bulk-load %s: %,d values of %,d B into %s in batches of %,d (grid: %s)%n", this.target,
                    this.values, this.valueBytes, this.dataClass, this.batch, topology.describe());
            List<ProcessSource> processes = new ArrayList<>();
            boolean grid = !"redis".equals(this.target);
            processes.add(new GeneratorSource((grid && topology.embedded()) ? "generator+members" : "generator"));
            if (grid) {
                processes.addAll(topology.memberSources());
            }
            BulkResult result = new BulkLoad(options, processes, System.out).run();
            Path file = folder.resolve("bulk-load.json");
            result.write(file);
            System.out.println("result: " + file);
        }
        return 0;
    }

}

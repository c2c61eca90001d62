package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.loadtest.report.Comparison;
import com.wedsync.grid.loadtest.report.RepeatedComparison;
import com.wedsync.grid.loadtest.target.RedisTarget;
import com.wedsync.grid.loadtest.target.Targets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare}: the same scenario, workload and settings against several targets in
 * turn, all against the same topology; each target's report in a folder of its own, and a
 * side-by-side table with ratios to the first target ({@code compare.json} and the
 * console). With {@code --repeat N} the targets run interleaved N times (A B C, A B C,
 * ...) and every figure is reported as the median and min-max of its N runs; the caffeine
 * target, the generator's own floor, then always runs beside the others.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs one scenario against several targets in turn and compares them side by side.")
final class CompareCommand implements Callable<Integer> {

    /** The most rounds one comparison runs. */
    static final int MAX_REPEAT = 50;

    @Option(names = "--targets", split = ",", defaultValue = "grid,grid-l2,caffeine",
            description = "targets in order; ratios are to the first (default: ${DEFAULT-VALUE})")
    List<String> targets;

    @Option(names = "--repeat", defaultValue = "1",
            description = "rounds of all targets, interleaved; above 1, figures are medians with min-max (default: ${DEFAULT-VALUE})")
    int repeat;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        List<String> order = order();
        String scenario = this.options.scenario().name();
        Path folder = this.options.folder(scenario + "-compare");
        if (order.contains("redis")) {
            // Before any member starts: an unreachable server is one named error, and
            // nothing is left running.
            RedisTarget.connect(this.options.location.redisUri, CatalogLoader.loadDefault()).close();
        }
        Map<String, List<Map<String, Object>>> reports = new LinkedHashMap<>();
        order.forEach((target) -> reports.put(target, new ArrayList<>()));
        String topologyLine;
        try (Topology topology = this.options.topology(this.options.scenario(), folder)) {
            topologyLine = topology.describe();
            ScenarioRun run = new ScenarioRun(this.options, topology, System.out);
            for (int round = 1; round <= this.repeat; round++) {
                for (String target : order) {
                    Path runFolder = (this.repeat == 1) ? folder.resolve(target)
                            : folder.resolve("round-" + round).resolve(target);
                    if (this.repeat > 1) {
                        System.out.printf("%n== round %d of %d: %s ==%n", round, this.repeat, target);
                    }
                    reports.get(target).add(run.run(target, RunOptions.createdFolder(runFolder)));
                }
            }
        }
        System.out.println();
        if (this.repeat == 1) {
            Map<String, Map<String, Object>> single = new LinkedHashMap<>();
            reports.forEach((target, list) -> single.put(target, list.get(0)));
            Comparison comparison = Comparison.of(scenario, single);
            comparison.write(folder);
            System.out.print(comparison.table());
            return 0;
        }
        RepeatedComparison comparison = RepeatedComparison.of(scenario, reports);
        List<String> header = List.of(
                "# " + LocalDate.now(ZoneOffset.UTC) + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "# scenario " + scenario + ", " + this.repeat + " interleaved rounds of " + order,
                "# grid targets: " + topologyLine);
        comparison.write(folder, header);
        header.forEach(System.out::println);
        System.out.print(comparison.table());
        System.out.println("comparison: " + folder.resolve("compare.json").toAbsolutePath());
        return 0;
    }

    private List<String> order() {
        if (this.repeat < 1 || this.repeat > MAX_REPEAT) {
            throw new IllegalArgumentException("--repeat (" + this.repeat + ") must be between 1 and " + MAX_REPEAT);
        }
        List<String> order = new ArrayList<>();
        for (String target : this.targets) {
            String name = target.strip().toLowerCase(Locale.ROOT);
            if (!Targets.NAMES.contains(name)) {
                throw new IllegalArgumentException("--targets: '" + target + "' is not one of " + Targets.NAMES);
            }
            if (order.contains(name)) {
                throw new IllegalArgumentException("--targets: '" + target + "' is named twice");
            }
            order.add(name);
        }
        if (this.repeat > 1 && !order.contains("caffeine")) {
            System.out.println("adding the caffeine target: the generator's own floor, measured in the same rounds");
            order.add("caffeine");
        }
        return order;
    }

}

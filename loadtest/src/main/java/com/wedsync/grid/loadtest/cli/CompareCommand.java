package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.report.Comparison;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare}: the same scenario, workload and settings against several targets in turn; each target's
 * report in a folder of its own, and a side-by-side table with ratios to the first target
 * ({@code compare.json} and the console).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs one scenario against several targets in turn and compares them side by side.")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--targets", split = ",", defaultValue = "grid,grid-l2,caffeine",
            description = "targets in order; ratios are to the first (default: ${DEFAULT-VALUE})")
    List<String> targets;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        String scenario = this.options.scenario().name();
        Path folder = this.options.folder(scenario + "-compare");
        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        ScenarioRun run = new ScenarioRun(this.options, System.out);
        for (String target : this.targets) {
            reports.put(target, run.run(target, RunOptions.createdFolder(folder.resolve(target))));
        }
        Comparison comparison = Comparison.of(scenario, reports);
        comparison.write(folder);
        System.out.println();
        System.out.print(comparison.table());
        return 0;
    }
}

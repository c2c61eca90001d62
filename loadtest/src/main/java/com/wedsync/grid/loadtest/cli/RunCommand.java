package com.wedsync.grid.loadtest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: one scenario against one target; a live progress line, a summary, and
 * {@code report.json} plus an HdrHistogram interval log in the output folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one scenario against one target and writes report.json and latency.hlog.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "grid",
            description = "grid, grid-l2, caffeine or redis (default: ${DEFAULT-VALUE})")
    String target;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        Path folder = this.options.folder(this.options.scenario().name() + "-" + this.target);
        try (Topology topology = this.options.topology(this.options.scenario(), folder)) {
            new ScenarioRun(this.options, topology, System.out).run(this.target, folder);
        }
        return 0;
    }

}

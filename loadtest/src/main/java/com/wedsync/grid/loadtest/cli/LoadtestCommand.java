package com.wedsync.grid.loadtest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar loadtest.jar}: the load generator's command line.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        subcommands = { RunCommand.class, CompareCommand.class, BulkLoadCommand.class, SummarizeCommand.class,
                SoakCommand.class, SaturdayCommand.class },
        description = "An honest load generator for WedSync Grid: open loop, coordinated-omission corrected, "
                + "HdrHistogram percentiles, against the grid, an embedded grid or Caffeine.")
public final class LoadtestCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code: 0 when the run completed (whatever
     * its criteria say; for {@code soak}, when it passed), 3 when a soak failed its
     * criteria, 2 for bad options, 1 when the run could not be carried out.
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Quiet members and clients (warnings still show), and a common pool wider than 1
        // on 2-CPU machines.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
                System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "4"));
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the command line: a bad value found while running (an unknown scenario, a
     * bad workload spec) is one line on standard error and exit code 2, like a bad
     * option; any other failure is one line and exit code 1.
     * @return the command line
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LoadtestCommand());
        commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("loadtest: " + ex.getMessage());
            return (ex instanceof IllegalArgumentException) ? 2 : 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(this.spec.commandLine(),
                "name a command: run, compare, bulk-load, summarize, soak or saturday");
    }

}

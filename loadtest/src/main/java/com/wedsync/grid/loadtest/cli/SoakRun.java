package com.wedsync.grid.loadtest.cli;

import com.wedsync.grid.loadtest.generator.LoadRunner;
import com.wedsync.grid.loadtest.generator.RunResult;
import com.wedsync.grid.loadtest.report.RunReport;
import com.wedsync.grid.loadtest.soak.ClientProbe;
import com.wedsync.grid.loadtest.soak.CountingTarget;
import com.wedsync.grid.loadtest.soak.ProcessProbe;
import com.wedsync.grid.loadtest.soak.Sampler;
import com.wedsync.grid.loadtest.soak.SoakOptions;
import com.wedsync.grid.loadtest.soak.SoakReport;
import com.wedsync.grid.loadtest.soak.SoakVerdict;
import com.wedsync.grid.loadtest.target.GridTarget;
import com.wedsync.grid.loadtest.target.Targets;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One soak: open the grid through grid-client, preload the workload's keys, hold the load
 * while sampling every process, judge, write {@code soak.json} and print the verdict.
 */
final class SoakRun {

    private final SoakOptions options;

    private final FiniteWorkload load;

    private final Topology topology;

    private final PrintStream out;

    SoakRun(SoakOptions options, FiniteWorkload load, Topology topology, PrintStream out) {
        this.options = options;
        this.load = load;
        this.topology = topology;
        this.out = out;
    }

    SoakVerdict run(Path folder, int members) {
        this.out.printf("soak: %s, workload %s, grid: %s%n", this.options, this.load.describe(),
                this.topology.describe());
        try (GridTarget grid = Targets.openGrid("grid", this.topology.targets())) {
            ScenarioRun.preload(this.load, grid, this.out);
            // Not closed itself: closing it would close the grid a second time.
            CountingTarget counted = new CountingTarget(grid);
            List<ProcessProbe> probes = new ArrayList<>();
            probes.add(new ClientProbe(this.topology.embedded() ? "client+members" : "client", grid::nearCacheEntries,
                    counted));
            probes.addAll(this.topology.memberProbes());
            if (probes.size() == 1 && !this.topology.embedded()) {
                this.out.println("the running cluster's members are not sampled: the loadtest samples members it "
                        + "started (--nodes)");
            }
            Sampler sampler = new Sampler(probes, this.options.sampleInterval(), this.options.warmup(),
                    this.options.duration());
            sample(sampler, Duration.ZERO);
            RunResult result = new LoadRunner(this.options.settings(), this.load, counted)
                .onProgress((progress) -> sample(sampler, progress.elapsed()))
                .intervalLog(folder.resolve("latency.hlog"))
                .run();
            SoakVerdict verdict = SoakVerdict.judge(sampler.samples(), this.options.warmup().toMillis() / 1000.0,
                    this.options.maxGrowth(), counted.errors(), result.abandonedOps() + result.abandonedThreads(),
                    sampler.failures());
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("workload", this.load.describe());
            header.put("topology", this.topology.describe());
            header.put("membersSampled", probes.size() - 1);
            Path written = RunReport.writeJson(folder.resolve("soak.json"),
                    SoakReport.toMap(this.options, header, sampler.samples(), verdict,
                            RunReport.of("soak", this.load.describe(), members, result, List.of())));
            SoakReport.table(verdict).forEach(this.out::println);
            this.out.printf("soak.json: %s%n", written.toAbsolutePath());
            return verdict;
        }
    }

    private void sample(Sampler sampler, Duration elapsed) {
        if (sampler.offer(elapsed)) {
            this.out.println(SoakReport.sampleLine(sampler.samples()));
        }
    }

}

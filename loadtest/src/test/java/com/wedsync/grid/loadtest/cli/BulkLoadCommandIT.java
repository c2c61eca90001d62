package com.wedsync.grid.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.EmbeddedGrid;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulk-load} through the command line: against a running grid every value arrives
 * with the class's TTL, against an embedded one it completes and writes its JSON; bad
 * options are refused with exit code 2.
 */
class BulkLoadCommandIT {

    @Test
    void everyValueReachesARunningGridWithTheClassTtl(@TempDir Path out) throws Exception {
        try (EmbeddedGrid grid = EmbeddedGrid.start(CatalogLoader.loadDefault(), 1, 64L << 20)) {
            int exit = LoadtestCommand.commandLine()
                .execute("bulk-load", "--members", String.join(",", grid.addresses()), "--cluster-name",
                        grid.clusterName(), "--values", "3000", "--value-size", "512", "--batch", "700", "--class",
                        "guest_interactions", "--out", out.toString());

            assertThat(exit).isZero();
            IMap<Object, Object> map = grid.members().get(0).getMap("guest_interactions");
            assertThat(map.size()).isEqualTo(3000);
            assertThat((byte[]) map.get(new WeddingKey("bulk-7", "item-7"))).hasSize(512);
            assertThat(map.getEntryView(new WeddingKey("bulk-7", "item-7")).getTtl())
                .isEqualTo(Duration.ofMinutes(15).toMillis());
            Map<String, Object> result = result(out);
            assertThat(result).containsEntry("target", "grid")
                .containsEntry("values", 3000)
                .containsEntry("batch", 700)
                .containsEntry("members", 1);
        }
    }

    @Test
    void anEmbeddedGridWithoutNearCachesIsLoadedInRounds(@TempDir Path out) throws Exception {
        int exit = LoadtestCommand.commandLine()
            .execute("bulk-load", "--target", "grid-l2", "--values", "2000", "--value-size", "256", "--batch", "500",
                    "--rounds", "2", "--out", out.toString());

        assertThat(exit).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) result(out).get("rounds");
        assertThat(rounds).hasSize(2)
            .allSatisfy((round) -> assertThat(round).containsEntry("written", 2000)
                .containsEntry("completed", true)
                .containsKeys("seconds", "valuesPerSecond"));
        // The warm round's CPU, of the one process that holds generator and members
        // alike.
        @SuppressWarnings("unchecked")
        Map<String, Object> cpu = (Map<String, Object>) result(out).get("cpu");
        assertThat(cpu).containsEntry("rounds", "2");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> processes = (List<Map<String, Object>>) cpu.get("processes");
        assertThat(processes).singleElement().satisfies((process) -> {
            assertThat(process).containsEntry("name", "generator+members");
            assertThat(((Number) process.get("cpuSeconds")).doubleValue()).as("known (unknown is -1)").isNotNegative();
        });
    }

    @Test
    void badOptionsAreRefusedWithExitCode2NamingTheOption(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LoadtestCommand.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("bulk-load", "--batch", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--batch (0) must be at least 1");
        assertThat(commandLine.execute("bulk-load", "--batch", "10001", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--batch (10001) must be at most 10000, the most one putAll of the grid"
                + " takes (CacheRegion.MAX_BATCH)");
        assertThat(commandLine.execute("bulk-load", "--target", "caffeine", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--target 'caffeine' is not one of [grid, grid-l2, redis]");
        assertThat(commandLine.execute("bulk-load", "--class", "weddings", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown data class 'weddings'");
        // Checked where run and compare check it too: before this, bulk-load passed 0 MiB
        // on to the embedded grid.
        assertThat(commandLine.execute("bulk-load", "--memory-limit", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--memory-limit (0) must be between 1 and 1048576 MiB");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Path out) {
        return JsonMapper.builder().build().readValue(out.resolve("bulk-load.json").toFile(), Map.class);
    }

}

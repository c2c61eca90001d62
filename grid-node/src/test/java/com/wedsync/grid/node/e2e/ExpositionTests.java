package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTests {

    private static final String NODE = """
            # HELP grid_map_hits_total Reads of entries this member owns that found the entry
            # TYPE grid_map_hits_total counter
            grid_map_hits_total{application="grid-node",map="wedding_data"} 3.0
            grid_cluster_members 1.0
            """;

    private static final String CLIENT = """
            grid_region_latency_seconds_bucket{layer="l1",region="wedding_data",le="0.001"} 0
            """;

    @Test
    void seriesOfSeveralScrapesAreFoundByNameAndLabelValues() {
        Exposition exposition = Exposition.of(NODE, CLIENT);

        assertThat(exposition.names()).containsExactlyInAnyOrder("grid_map_hits_total", "grid_cluster_members",
                "grid_region_latency_seconds_bucket");
        assertThat(exposition.has("grid_map_hits_total", Map.of("map", "wedding_data"))).isTrue();
        assertThat(exposition.has("grid_map_hits_total", Map.of("map", "system_cache"))).isFalse();
        assertThat(exposition.has("grid_cluster_members", Map.of())).isTrue();
        assertThat(exposition.has("grid_region_latency_seconds_bucket", Map.of("layer", "l1", "le", "0.001"))).isTrue();
        assertThat(exposition.has("grid_map_gets_total", Map.of())).isFalse();
    }

    @Test
    void aLineThatIsNoSampleIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Exposition.of("grid_cluster_members"))
            .withMessage("not a sample line: grid_cluster_members");
    }

}

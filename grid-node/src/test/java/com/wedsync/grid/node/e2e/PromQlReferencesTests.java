package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.e2e.PromQlReferences.Selector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlReferencesTests {

    @Test
    void aggregationsFunctionsAndRangesAreNotSeries() {
        assertThat(PromQlReferences.of("sum by (job, map) (rate(grid_map_hits_total[5m])) / sum by (job) "
                + "(rate(grid_map_gets_total{job=~\"$job\"}[$__rate_interval]))"))
            .containsExactly(new Selector("grid_map_hits_total", Map.of()),
                    new Selector("grid_map_gets_total", Map.of()));
    }

    @Test
    void equalityMatchersAreKeptAndOtherMatchersLeftOut() {
        assertThat(PromQlReferences
            .of("increase(grid_map_evictions_total{map=\"wedding_data\", job=~\"a|b\"," + " result!=\"x\"}[1h])"))
            .containsExactly(new Selector("grid_map_evictions_total", Map.of("map", "wedding_data")));
    }

    @Test
    void vectorMatchingOffsetsAndRecordedNamesAreRead() {
        assertThat(PromQlReferences
            .of("job:ops:sum < 0.80 * avg_over_time(job:ops:sum[1h] offset 167h30m)" + " and on () day_of_week() == 6"))
            .containsExactly(new Selector("job:ops:sum", Map.of()), new Selector("job:ops:sum", Map.of()));
        assertThat(PromQlReferences
            .of("sum by (result) (rate(a_total[1m])) / ignoring (result) group_left ()" + " sum (rate(b_total[1m]))"))
            .extracting(Selector::name)
            .containsExactly("a_total", "b_total");
        assertThat(new Selector("job:ops:sum", Map.of()).isRecorded()).isTrue();
    }

    @Test
    void histogramQuantilesAndStringsInsideCallsAreRead() {
        assertThat(PromQlReferences.of("histogram_quantile(0.99, sum by (le, layer) "
                + "(rate(grid_region_latency_seconds_bucket{layer=\"l1\"}[5m])))"))
            .containsExactly(new Selector("grid_region_latency_seconds_bucket", Map.of("layer", "l1")));
    }

    @Test
    void grafanaLabelValuesQueriesReadTheirMetric() {
        assertThat(PromQlReferences.of("label_values(grid_cluster_members, job)"))
            .containsExactly(new Selector("grid_cluster_members", Map.of()));
    }

}

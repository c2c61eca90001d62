package com.wedsync.grid.loadtest.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusGcTests {

    private static final String BEFORE = """
            # TYPE jvm_gc_pause_seconds histogram
            jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="0.005"} 3
            jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="0.01"} 4
            jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="0.02"} 4
            jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="+Inf"} 4
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 4
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.02
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.009
            """;

    @Test
    void pausesBetweenTwoScrapesAreCountedSummedAndBoundedByTheSmallestBucketHoldingThemAll() {
        String after = BEFORE.replace("le=\"0.005\"} 3", "le=\"0.005\"} 5")
            .replace("le=\"0.01\"} 4", "le=\"0.01\"} 6")
            .replace("le=\"0.02\"} 4", "le=\"0.02\"} 7")
            .replace("le=\"+Inf\"} 4", "le=\"+Inf\"} 7")
            .replace("G1 Young Generation\"} 4", "G1 Young Generation\"} 7")
            .replace("} 0.02", "} 0.05")
                // A second collector's series adds to the first's.
                + "jvm_gc_pause_seconds_count{action=\"end of major GC\",cause=\"System.gc()\",gc=\"G1 Old Generation\"} 0\n";

        GcFigures figures = PrometheusGc.parse(after).since(PrometheusGc.parse(BEFORE));

        assertThat(figures.count()).isEqualTo(3);
        assertThat(figures.totalMillis()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        // Two of the three within 10 ms, the third within 20 ms.
        assertThat(figures.over10Millis()).isEqualTo(1);
        assertThat(figures.maxMillis()).isEqualTo(20.0);
        assertThat(figures.maxExact()).isFalse();
    }

    @Test
    void noPauseBetweenScrapesIsZeroEverywhere() {
        GcFigures figures = PrometheusGc.parse(BEFORE).since(PrometheusGc.parse(BEFORE));

        assertThat(figures).isEqualTo(new GcFigures(0, 0, 0, false, 0));
    }

    @Test
    void aPauseBeyondTheLargestBucketHasNoFiniteBound() {
        String after = BEFORE.replace("le=\"+Inf\"} 4", "le=\"+Inf\"} 5")
            .replace("G1 Young Generation\"} 4", "G1 Young Generation\"} 5");

        GcFigures figures = PrometheusGc.parse(after).since(PrometheusGc.parse(BEFORE));

        assertThat(figures.count()).isEqualTo(1);
        assertThat(figures.maxMillis()).isInfinite();
        assertThat(figures.over10Millis()).isEqualTo(1);
    }

    @Test
    void withoutA10MillisecondBucketTheCountOverItIsUnknown() {
        String before = "jvm_gc_pause_seconds_count{gc=\"x\"} 1\njvm_gc_pause_seconds_sum{gc=\"x\"} 0.001\n";
        String after = "jvm_gc_pause_seconds_count{gc=\"x\"} 2\njvm_gc_pause_seconds_sum{gc=\"x\"} 0.003\n";

        GcFigures figures = PrometheusGc.parse(after).since(PrometheusGc.parse(before));

        assertThat(figures.count()).isEqualTo(1);
        assertThat(figures.over10Millis()).isEqualTo(-1);
    }

}

package com.wedsync.grid.node.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The filter keeps the allow-listed meters, with the cluster as their only tag, and only
 * on the registry it is added to.
 */
class PublishedMetersTests {

    private final SimpleMeterRegistry cloudWatch = new SimpleMeterRegistry();

    private final SimpleMeterRegistry other = new SimpleMeterRegistry();

    @Test
    void allowListedMetersKeepOnlyTheClusterAsTheirTag() {
        this.cloudWatch.config().meterFilter(new PublishedMeters("prod-grid"));
        for (SimpleMeterRegistry registry : new SimpleMeterRegistry[] { this.cloudWatch, this.other }) {
            Gauge.builder("grid.scaling.desired.members", () -> 7).tag("member", "10.0.0.1").register(registry);
            Gauge.builder("grid.cluster.members", () -> 3).register(registry);
            Gauge.builder("jvm.memory.used", () -> 1024).tag("area", "heap").register(registry);
        }

        assertThat(this.cloudWatch.getMeters()).extracting((m) -> m.getId().getName())
            .containsExactlyInAnyOrder("grid.scaling.desired.members", "grid.cluster.members");
        assertThat(this.cloudWatch.get("grid.scaling.desired.members").gauge().getId().getTags())
            .containsExactly(Tag.of("cluster", "prod-grid"));
        assertThat(this.cloudWatch.get("grid.scaling.desired.members").gauge().value()).isEqualTo(7);
        assertThat(this.other.getMeters()).hasSize(3);
        assertThat(this.other.get("jvm.memory.used").gauge().getId().getTags()).containsExactly(Tag.of("area", "heap"));
    }

}

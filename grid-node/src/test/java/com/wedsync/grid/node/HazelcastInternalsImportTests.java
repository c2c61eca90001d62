package com.wedsync.grid.node;

import static com.wedsync.grid.config.testkit.SourceScan.HAZELCAST_INTERNALS;
import static com.wedsync.grid.config.testkit.SourceScan.MAIN_SOURCES;
import static com.wedsync.grid.config.testkit.SourceScan.sourcesMatching;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code monitor.NodeInternals} the only class of grid-node that imports
 * Hazelcast's internals ({@code com.hazelcast.*.impl.*},
 * {@code com.hazelcast.*.internal.*}), so that what an upgrade may break stays in one
 * place, tested against the real member by {@code NodeInternalsIT}.
 */
class HazelcastInternalsImportTests {

    @Test
    void onlyNodeInternalsImportsHazelcastInternals() {
        assertThat(sourcesMatching(MAIN_SOURCES, HAZELCAST_INTERNALS))
            .containsExactly(MAIN_SOURCES.resolve("com/wedsync/grid/node/monitor/NodeInternals.java"));
    }

}

package com.wedsync.grid.config;

import static com.wedsync.grid.config.testkit.SourceScan.HAZELCAST_INTERNALS;
import static com.wedsync.grid.config.testkit.SourceScan.MAIN_SOURCES;
import static com.wedsync.grid.config.testkit.SourceScan.sourcesMatching;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code hazelcast.MemberInternals} the only class of the config module that
 * imports Hazelcast's internals ({@code com.hazelcast.*.impl.*},
 * {@code com.hazelcast.*.internal.*}), so that what an upgrade may break stays in one
 * place, tested against a real member by {@code MemberInternalsIT}.
 */
class HazelcastInternalsImportTests {

    @Test
    void onlyMemberInternalsImportsHazelcastInternals() {
        assertThat(sourcesMatching(MAIN_SOURCES, HAZELCAST_INTERNALS))
            .containsExactly(MAIN_SOURCES.resolve("com/wedsync/grid/config/hazelcast/MemberInternals.java"));
    }

}

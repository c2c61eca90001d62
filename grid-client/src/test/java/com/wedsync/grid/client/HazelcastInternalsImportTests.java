package com.wedsync.grid.client;

import static com.wedsync.grid.config.testkit.SourceScan.HAZELCAST_INTERNALS;
import static com.wedsync.grid.config.testkit.SourceScan.MAIN_SOURCES;
import static com.wedsync.grid.config.testkit.SourceScan.PUBLIC_TYPE;
import static com.wedsync.grid.config.testkit.SourceScan.sourcesMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code internal.ClientInternals} the only class of grid-client that imports
 * Hazelcast's internals ({@code com.hazelcast.*.impl.*},
 * {@code com.hazelcast.*.internal.*}), and {@code internal.ClientRuntime} the only public
 * type of the internal package (what {@link GridClient} needs).
 */
class HazelcastInternalsImportTests {

    private static final Path INTERNAL = MAIN_SOURCES.resolve("com/wedsync/grid/client/internal");

    @Test
    void onlyClientInternalsImportsHazelcastInternals() {
        assertThat(sourcesMatching(MAIN_SOURCES, HAZELCAST_INTERNALS))
            .containsExactly(INTERNAL.resolve("ClientInternals.java"));
    }

    @Test
    void theInternalPackageShowsOnlyClientRuntime() {
        assertThat(sourcesMatching(INTERNAL, PUBLIC_TYPE)).containsExactly(INTERNAL.resolve("ClientRuntime.java"));
    }

}

package com.wedsync.grid.loadtest.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A member's figures from its {@code /actuator/prometheus}, as grid-node exports them.
 */
class MemberProbeTests {

    private static final String EXPOSITION = """
            # HELP jvm_gc_live_data_size_bytes Size of long-lived heap memory pool after reclamation
            # TYPE jvm_gc_live_data_size_bytes gauge
            jvm_gc_live_data_size_bytes{application="grid-node"} 9.437184E7
            jvm_memory_used_bytes{application="grid-node",area="heap",id="ZHeap"} 1.3631488E8
            jvm_memory_used_bytes{application="grid-node",area="nonheap",id="Metaspace"} 5.9560056E7
            jvm_threads_live_threads{application="grid-node"} 65.0
            jvm_threads_peak_threads{application="grid-node"} 70.0
            grid_map_entries{application="grid-node",map="guest_interactions",ownership="owned"} 19772.0
            grid_map_entries{application="grid-node",map="guest_interactions",ownership="backup"} 19650.0
            grid_map_entries{application="grid-node",map="wedding_data",ownership="owned"} 400.0
            grid_map_entries{application="grid-node",map="wedding_data",ownership="backup"} 800.0
            grid_map_entries_total{application="grid-node",ownership="owned"} 1.0
            """;

    @Test
    void readsHeapAfterGcHeapUsedThreadsAndOwnedEntriesSummedOverMaps() {
        assertThat(new MemberProbe("member-1", () -> EXPOSITION).read()).containsEntry(Series.HEAP_AFTER_GC, 9.437184E7)
            .containsEntry(Series.HEAP_USED, 1.3631488E8)
            .containsEntry(Series.LIVE_THREADS, 65.0)
            .containsEntry(Series.OWNED_ENTRIES, 20172.0)
            .hasSize(4);
    }

    @Test
    void heapAfterGcIsNotKnownBeforeTheFirstCollection() {
        String beforeAnyCollection = EXPOSITION.replace("} 9.437184E7", "} 0.0");

        assertThat(new MemberProbe("member-1", () -> beforeAnyCollection).read())
            .doesNotContainKey(Series.HEAP_AFTER_GC)
            .containsKey(Series.LIVE_THREADS);
    }

}

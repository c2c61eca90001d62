package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.nearcache.impl.invalidation.MetaDataGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every method of {@link MemberInternals} against a real Hazelcast member, so that
 * an upgrade that renames, removes or changes what it reaches into fails here, loudly,
 * instead of leaving the member untuned with a warning. The invalidator's sending is
 * exercised end to end by {@link CoalescingInvalidatorIT}.
 */
class MemberInternalsIT {

    private static final long MEMORY_LIMIT = 256 * HazelcastConfigFactory.MIB;

    private static final String UNBOUNDED_MAP = "member-internals-unbounded";

    private final Catalog catalog = CatalogLoader.loadDefault();

    private final String mapName = this.catalog.policy(DataClass.WEDDING_DATA).mapName();

    private LoopbackGrid cluster;

    @AfterEach
    void stop() {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void aTunedMemberHasItsBoundsAndItsCoalescingInvalidatorInPlace() {
        this.cluster = LoopbackGrid.builder()
            .name("member-internals-tuned")
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .start(1);
        HazelcastInstance member = this.cluster.member(0);
        MemberInternals internals = MemberInternals.of(member);

        assertThat(MemberInternals.nodeEngine(member).getThisAddress())
            .isEqualTo(member.getCluster().getLocalMember().getAddress());
        assertThat(internals.mapConfig(this.mapName).getEvictionConfig().getMaxSizePolicy())
            .isEqualTo(MaxSizePolicy.USED_HEAP_SIZE);
        assertThat(internals.evicts(this.mapName)).isTrue();
        assertThat(internals.heapBound(this.mapName)).isNotNull()
            .isSameAs(HeapBoundInstaller.bound(member, this.mapName));
        assertThat(internals.evicts(UNBOUNDED_MAP)).as("a map without a size bound").isFalse();
        assertThat(internals.heapBound(UNBOUNDED_MAP)).isNull();
        assertThat(internals.coalescingInvalidator()).isNotNull().isSameAs(InvalidatorInstaller.installed(member));
        assertThat(internals.sendsInvalidationsAtOnce()).isFalse();
        assertThat(internals.invalidatorName()).isEqualTo("MapInvalidator");
    }

    @Test
    void anUntunedMemberKeepsHazelcastsOwnAndTakesTheBoundThatThenDecidesItsEvictions() {
        this.cluster = untuned("member-internals-bound");
        HazelcastInstance member = this.cluster.member(0);
        MemberInternals internals = MemberInternals.of(member);
        assertThat(internals.evicts(this.mapName)).isTrue();
        assertThat(internals.heapBound(this.mapName)).as("Hazelcast's own evictor").isNull();

        IncrementalHeapBound bound = internals.boundHeap(this.mapName, HazelcastConfigFactory.MIB);

        assertThat(internals.heapBound(this.mapName)).isSameAs(bound);
        IMap<String, byte[]> map = member.getMap(this.mapName);
        fill(map, 0, 200);
        LocalMapStats within = map.getLocalMapStats();
        assertThat(within.getEvictionCount()).as("200 KiB within a 1 MiB bound").isZero();
        assertThat(bound.recount()).as("the bound counts what Hazelcast counts")
            .isEqualTo(within.getOwnedEntryMemoryCost() + within.getBackupEntryMemoryCost());
        // The map's own bound (its share of 256 MiB) is far off: only the new bound can
        // make it evict.
        fill(map, 200, 4_000);
        assertThat(map.getLocalMapStats().getEvictionCount()).isPositive();
        assertThat(bound.recounts()).isPositive();
    }

    @Test
    void anUntunedMemberSendsInvalidationsAtOnceUntilTheCoalescingInvalidatorTakesOverItsSequences() {
        this.cluster = untuned("member-internals-invalidator");
        HazelcastInstance member = this.cluster.member(0);
        MemberInternals internals = MemberInternals.of(member);
        assertThat(internals.sendsInvalidationsAtOnce()).isTrue();
        assertThat(internals.invalidatorName()).isEqualTo("NonStopInvalidator");
        assertThat(internals.coalescingInvalidator()).isNull();
        MetaDataGenerator sequences = invalidatorSequences(member);

        CoalescingInvalidator<?> coalescing = internals.coalesceInvalidations();

        assertThat(internals.coalescingInvalidator()).isSameAs(coalescing);
        assertThat(internals.sendsInvalidationsAtOnce()).isFalse();
        assertThat(internals.invalidatorName()).isEqualTo("MapInvalidator");
        assertThat(invalidatorSequences(member)).as("the replaced invalidator's sequence numbers").isSameAs(sequences);
    }

    private static MetaDataGenerator invalidatorSequences(HazelcastInstance member) {
        com.hazelcast.map.impl.MapService service = MemberInternals.nodeEngine(member)
            .getService(com.hazelcast.map.impl.MapService.SERVICE_NAME);
        return service.getMapServiceContext().getMapNearCacheManager().getInvalidator().getMetaDataGenerator();
    }

    private static void fill(IMap<String, byte[]> map, int from, int to) {
        Map<String, byte[]> batch = new HashMap<>();
        for (int i = from; i < to; i++) {
            batch.put("key-" + i, new byte[1024]);
        }
        map.putAll(batch);
    }

    /**
     * Starts a member without the grid's tuning ({@link MemberTuning}): it keeps
     * Hazelcast's own evictors and near-cache invalidator.
     */
    private LoopbackGrid untuned(String name) {
        return LoopbackGrid.builder()
            .name(name)
            .catalog(this.catalog)
            .member((member) -> member.memoryLimitBytes(MEMORY_LIMIT))
            .config((config) -> config.getListenerConfigs()
                .removeIf((listener) -> listener.getImplementation() instanceof MemberTuning))
            .start(1);
    }

}

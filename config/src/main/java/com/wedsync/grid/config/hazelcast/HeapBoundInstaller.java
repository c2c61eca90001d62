package com.wedsync.grid.config.hazelcast;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import java.util.List;

/**
 * Puts an {@link IncrementalHeapBound} in front of the evictor of every catalog map with
 * a USED_HEAP_SIZE bound, when the member has started ({@link MemberTuning}). Until then,
 * and for a map container Hazelcast creates again later (after a destroy, or a config
 * update through Management Center), the map keeps Hazelcast's own evictor: the same
 * bound, checked the slow way. If Hazelcast's internals are not what this expects, it
 * logs a warning and leaves every map as it was.
 */
final class HeapBoundInstaller {

    private static final ILogger logger = Logger.getLogger(HeapBoundInstaller.class);

    private HeapBoundInstaller() {
    }

    /**
     * Installs the incremental bound on the named maps of a member.
     * @param member the member
     * @param mapNames the maps
     * @return how many maps got it
     */
    static int install(HazelcastInstance member, List<String> mapNames) {
        try {
            MemberInternals internals = MemberInternals.of(member);
            int installed = 0;
            for (String name : mapNames) {
                EvictionConfig eviction = internals.mapConfig(name).getEvictionConfig();
                if (eviction.getMaxSizePolicy() != MaxSizePolicy.USED_HEAP_SIZE || !internals.evicts(name)
                        || internals.heapBound(name) != null) {
                    continue;
                }
                internals.boundHeap(name, eviction.getSize() * HazelcastConfigFactory.MIB);
                installed++;
            }
            logger.fine("incremental heap bound on " + installed + " of " + mapNames.size() + " maps");
            return installed;
        }
        catch (RuntimeException | LinkageError ex) {
            logger.warning(
                    "could not install the incremental heap bound (" + ex + "); Hazelcast's own per-write check stays");
            return 0;
        }
    }

    /**
     * Returns the incremental bound of a member's map.
     * @param member the member
     * @param mapName the map
     * @return the bound, or {@code null} if the map checks its bound Hazelcast's way (or
     * has none)
     */
    static IncrementalHeapBound bound(HazelcastInstance member, String mapName) {
        return MemberInternals.of(member).heapBound(mapName);
    }

}

package com.wedsync.grid.config.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import java.util.List;

/**
 * What the grid changes inside a member once it has started (Hazelcast fires STARTED
 * before {@code newHazelcastInstance} returns): the incremental memory bound on the
 * catalog's maps ({@link HeapBoundInstaller}) and the coalescing near-cache invalidator
 * ({@link InvalidatorInstaller}). Each keeps Hazelcast's own behaviour, with a warning,
 * if the internals it reaches into are not what it expects.
 */
final class MemberTuning implements LifecycleListener, HazelcastInstanceAware {

    private final List<String> mapNames;

    private volatile HazelcastInstance instance;

    /**
     * Creates the tuning of a member.
     * @param mapNames the catalog's maps
     */
    MemberTuning(List<String> mapNames) {
        this.mapNames = List.copyOf(mapNames);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.STARTED && this.instance != null) {
            HeapBoundInstaller.install(this.instance, this.mapNames);
            InvalidatorInstaller.install(this.instance);
        }
    }

}

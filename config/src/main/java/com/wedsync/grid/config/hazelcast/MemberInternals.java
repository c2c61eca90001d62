package com.wedsync.grid.config.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.spi.impl.NodeEngine;
import java.lang.reflect.Field;

/**
 * The ways into a member's Hazelcast internals that the member's tuning takes ({@link HeapBoundInstaller},
 * {@link InvalidatorInstaller}), in one place: what a Hazelcast upgrade may break is here and in the tests of the
 * classes that use it.
 */
final class MemberInternals {

    private MemberInternals() {
    }

    /**
     * Returns a member's node engine.
     * @param member the member (the instance or its proxy)
     * @return its node engine
     */
    static NodeEngine nodeEngine(HazelcastInstance member) {
        HazelcastInstanceImpl impl = (member instanceof HazelcastInstanceProxy proxy) ? proxy.getOriginal()
                : (HazelcastInstanceImpl) member;
        return impl.node.getNodeEngine();
    }

    /**
     * Returns a member's map service context.
     * @param member the member (the instance or its proxy)
     * @return the context of its map service
     */
    static MapServiceContext mapServiceContext(HazelcastInstance member) {
        MapService service = nodeEngine(member).getService(MapService.SERVICE_NAME);
        return service.getMapServiceContext();
    }

    /**
     * Sets a final instance field that Hazelcast offers no setter for.
     * @param owner the class declaring the field
     * @param name the field
     * @param target the object whose field it is
     * @param value the new value
     * @throws IllegalStateException if the field is not there or cannot be set
     */
    static void setField(Class<?> owner, String name, Object target, Object value) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException("cannot set " + owner.getName() + "." + name + ": " + ex, ex);
        }
    }
}

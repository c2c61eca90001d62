package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;

/**
 * The only door from grid-node to Hazelcast's internals ({@code com.hazelcast.*.impl} and
 * {@code .internal}): no other class of this module imports them
 * ({@code HazelcastInternalsImportTests} checks it), so what a Hazelcast upgrade may
 * break is here and in {@code NodeInternalsIT}, which runs every method against a real
 * member.
 * <p>
 * The one call, and why: the size of the member's operation queues, which Hazelcast
 * exposes only on its internal operation service ({@code OperationServiceImpl}, reached
 * through {@code HazelcastInstanceImpl.node}); no public API or metric of the member
 * reads it as a number the monitor can sample. When it is not available (another
 * implementation, a member shutting down) the size is unknown.
 */
final class NodeInternals {

    /** The size when it cannot be read. */
    static final int UNKNOWN = -1;

    private NodeInternals() {
    }

    /**
     * Returns how many operations wait in the member's operation queues, ordinary and
     * priority.
     * @param instance the member (the instance or its proxy)
     * @return the queued operations, or {@link #UNKNOWN}
     */
    static int operationQueueSize(HazelcastInstance instance) {
        try {
            HazelcastInstanceImpl impl = (instance instanceof HazelcastInstanceProxy proxy) ? proxy.getOriginal()
                    : (instance instanceof HazelcastInstanceImpl direct) ? direct : null;
            if (impl != null) {
                OperationServiceImpl ops = impl.node.getNodeEngine().getOperationService();
                return ops.getOperationExecutorQueueSize() + ops.getPriorityOperationExecutorQueueSize();
            }
        }
        catch (RuntimeException ex) {
            // Not running any more: unknown, like any other implementation.
        }
        return UNKNOWN;
    }

}

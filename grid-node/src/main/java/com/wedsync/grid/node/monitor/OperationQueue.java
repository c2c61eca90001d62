package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;

/**
 * Reads the size of the member's operation queues. Hazelcast exposes it only on its internal operation service,
 * so this is the one place that reaches into {@code com.hazelcast.*.impl}; when that is not available (another
 * implementation, a member shutting down) the size is unknown.
 */
final class OperationQueue {

    /** The size when it cannot be read. */
    static final int UNKNOWN = -1;

    private OperationQueue() {
    }

    static int size(HazelcastInstance instance) {
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

package com.wedsync.grid.config.hazelcast;

/**
 * How a member finds the others.
 */
public enum Discovery {

    /** A fixed list of member addresses (local runs, tests, plain VMs). */
    TCP_IP,
    /**
     * The Kubernetes API (service DNS or labels), through the plugin bundled with
     * Hazelcast.
     */
    KUBERNETES,
    /** EC2 instances by tag, through the plugin bundled with Hazelcast. */
    AWS

}

package com.wedsync.grid.node.monitor;

/**
 * Told of every sample, on the monitor's thread, in order.
 */
@FunctionalInterface
public interface SampleListener {

    /**
     * Takes one sample.
     * @param sample this member's sample
     * @param cluster the cluster-wide figures aggregated just after it
     */
    void onSample(MemberSample sample, ClusterFigures cluster);

}

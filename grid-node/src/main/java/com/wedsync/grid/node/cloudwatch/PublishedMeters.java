package com.wedsync.grid.node.cloudwatch;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * The CloudWatch registry's filter: CloudWatch charges per metric, so only a few gauges
 * without tags of their own are published, each with the cluster's name as its dimension.
 * Added to that registry alone; Prometheus keeps every meter.
 */
final class PublishedMeters implements MeterFilter {

    /**
     * The meters published: the member count the advisor asks for (what the Auto Scaling
     * policy tracks), the members in the cluster, and the member's heap use.
     */
    static final Set<String> NAMES = Set.of("grid.scaling.desired.members", "grid.cluster.members",
            "grid.monitor.heap.used.ratio");

    /** The dimension that carries the cluster's name. */
    static final String CLUSTER_DIMENSION = "cluster";

    private final Tags dimensions;

    /**
     * Creates the filter.
     * @param clusterName the cluster's name, the value of the {@value #CLUSTER_DIMENSION}
     * dimension
     */
    PublishedMeters(String clusterName) {
        this.dimensions = Tags.of(CLUSTER_DIMENSION, clusterName);
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return NAMES.contains(id.getName()) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }

    /**
     * A metric is its namespace, name and whole set of dimensions: the set is fixed,
     * whatever tags a meter has.
     */
    @Override
    public Meter.Id map(Meter.Id id) {
        return NAMES.contains(id.getName()) ? id.replaceTags(this.dimensions) : id;
    }

}

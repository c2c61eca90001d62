package com.wedsync.grid.loadtest.generator;

import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.workload.OpType;
import java.util.Objects;

/**
 * One latency series: an operation type and the layer that answered it.
 *
 * @param type the operation type
 * @param layer the layer the target reported
 */
public record OpLayer(OpType type, Layer layer) {

    /**
     * Validates the series key.
     * @throws NullPointerException if either part is {@code null}
     */
    public OpLayer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(layer, "layer");
    }

    /**
     * Returns the tag this series carries in the interval log.
     * @return for example {@code GET/L1}
     */
    public String tag() {
        return this.type + "/" + this.layer;
    }
}

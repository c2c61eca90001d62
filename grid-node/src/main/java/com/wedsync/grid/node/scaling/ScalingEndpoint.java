package com.wedsync.grid.node.scaling;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/scaling}: the member count the capacity advisor asks for, the
 * current count and the reasons. Protected by the admin token.
 */
@Endpoint(id = "scaling")
public class ScalingEndpoint {

    private final ScalingEvaluator evaluator;

    private final ScalingProperties properties;

    private final HazelcastInstance instance;

    /**
     * Creates the endpoint.
     * @param evaluator the latest advice
     * @param properties the bounds it works within
     * @param instance the local member, for the current count
     */
    public ScalingEndpoint(ScalingEvaluator evaluator, ScalingProperties properties, HazelcastInstance instance) {
        this.evaluator = evaluator;
        this.properties = properties;
        this.instance = instance;
    }

    /**
     * Reads the advice.
     * @return the view
     */
    @ReadOperation
    public ScalingView scaling() {
        ScalingEvaluator.Evaluation latest = this.evaluator.latest();
        int current = this.instance.getCluster().getMembers().size();
        if (latest == null) {
            return new ScalingView(null, current, List.of("no sample yet"), null, null,
                    this.properties.memberCapacityOpsPerSecond(), this.properties.minMembers(),
                    this.properties.maxMembers(), this.properties.leadTime().toString());
        }
        return new ScalingView(latest.advice().desiredMembers(), current, latest.reasons(), latest.at(),
                latest.loadOpsPerSecond(), this.properties.memberCapacityOpsPerSecond(), this.properties.minMembers(),
                this.properties.maxMembers(), this.properties.leadTime().toString());
    }

}

package com.wedsync.grid.loadtest.autoscale;

import com.wedsync.grid.loadtest.nodes.NodeFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link NodeFleet}'s members, scaled as deployments scale them: the advice is read
 * from the oldest member's {@code /actuator/scaling} (the member that coordinates, as an
 * autoscaler scraping {@code grid_scaling_desired_members} would read it); members are
 * added by starting a process that joins, and removed newest first by SIGTERM.
 */
public final class FleetScaling implements ScaledFleet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NodeFleet fleet;

    private final Duration stopTimeout;

    /**
     * Creates the view.
     * @param fleet the members
     * @param stopTimeout how long a stopped member may take to hand its partitions over
     * and exit
     */
    public FleetScaling(NodeFleet fleet, Duration stopTimeout) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    @Override
    public int members() {
        return this.fleet.members().size();
    }

    @Override
    public Optional<Advice> advice() {
        List<NodeFleet.Member> members = this.fleet.members();
        if (members.isEmpty()) {
            return Optional.empty();
        }
        try {
            return advice(this.fleet.read(members.get(0), "/actuator/scaling"));
        }
        catch (IllegalStateException ex) {
            return Optional.empty();
        }
    }

    /**
     * Reads the advice from an {@code /actuator/scaling} answer.
     * @param body the JSON body
     * @return its {@code desired} and {@code reasons}, empty when {@code desired} is
     * {@code null} (no evaluation yet) or the body is not such an answer
     */
    static Optional<Advice> advice(String body) {
        try {
            JsonNode view = JSON.readTree(body);
            JsonNode desired = view.path("desired");
            if (!desired.isInt()) {
                return Optional.empty();
            }
            List<String> reasons = new ArrayList<>();
            view.path("reasons").forEach((reason) -> reasons.add(reason.asString()));
            return Optional.of(new Advice(desired.intValue(), reasons));
        }
        catch (JacksonException ex) {
            return Optional.empty();
        }
    }

    @Override
    public String startMember() {
        return this.fleet.addMember().name();
    }

    @Override
    public String stopMember() {
        return this.fleet.stopNewest(this.stopTimeout).name();
    }

}

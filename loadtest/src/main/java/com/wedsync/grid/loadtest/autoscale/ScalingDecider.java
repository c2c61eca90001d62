package com.wedsync.grid.loadtest.autoscale;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The autoscaler's decisions, which depend only on what it is told: when the advice
 * (within the policy's bounds) first differs from the members, a change of one member
 * towards it is requested; at the first decision a provisioning delay later it is carried
 * out if the advice still asks for it, else dropped. One change at a time: none is
 * requested while one is pending, and the caller carries a change out before it asks
 * again. Times are nanoseconds on any one scale. Not thread-safe.
 */
public final class ScalingDecider {

    private final AutoscalePolicy policy;

    private Pending pending;

    /**
     * Creates a decider.
     * @param policy the bounds and the provisioning delay
     */
    public ScalingDecider(AutoscalePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * What to do now.
     */
    public enum Step {

        /** Nothing: the members are what the advice asks for, or it is unknown. */
        NONE,

        /** A member more was requested now; it is started a provisioning delay later. */
        START_REQUESTED,

        /** A member fewer was requested now; it is stopped a provisioning delay later. */
        STOP_REQUESTED,

        /** A requested change waits for its provisioning delay. */
        WAITING,

        /** Start a member now. */
        START,

        /** Stop a member now. */
        STOP,

        /** The requested change was due, but the advice no longer asks for it. */
        DROPPED

    }

    /**
     * Decides the next step.
     * @param now the time now, in nanoseconds
     * @param members the members running now
     * @param desired the advisor's desired members, empty while unknown
     * @return the step; for {@link Step#START} and {@link Step#STOP} the caller carries
     * the change out before it asks again
     */
    public Step decide(long now, int members, OptionalInt desired) {
        int direction = desired.isPresent() ? Integer.signum(this.policy.target(desired.getAsInt()) - members) : 0;
        if (this.pending != null) {
            if (now - this.pending.due() < 0) {
                return Step.WAITING;
            }
            int requested = this.pending.direction();
            this.pending = null;
            if (direction != requested) {
                return Step.DROPPED;
            }
            return (requested > 0) ? Step.START : Step.STOP;
        }
        if (direction == 0) {
            return Step.NONE;
        }
        this.pending = new Pending(direction, now + this.policy.provisioningDelay().toNanos());
        return (direction > 0) ? Step.START_REQUESTED : Step.STOP_REQUESTED;
    }

    /**
     * Returns when the pending change is due.
     * @return its time, empty when none is pending
     */
    public OptionalLong due() {
        return (this.pending != null) ? OptionalLong.of(this.pending.due()) : OptionalLong.empty();
    }

    private record Pending(int direction, long due) {
    }

}

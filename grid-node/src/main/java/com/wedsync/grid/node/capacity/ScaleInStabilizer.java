package com.wedsync.grid.node.capacity;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets a scale-in through only once the advice has stayed lower for a whole window, as
 * Kubernetes' HPA stabilises a scale-down: the count it passes on is the highest advised
 * within the window, so a scale-out passes at once and a scale-in waits. Without it, a
 * load about one threshold added and removed a member by turns (five changes in five
 * minutes on one node). Not thread-safe: the monitor's thread calls it, in time order.
 */
public final class ScaleInStabilizer {

    private final Duration window;

    private final ArrayDeque<Advised> advised = new ArrayDeque<>();

    /**
     * Creates a stabiliser.
     * @param window how long a lower advice must hold before it is passed on; zero passes
     * every advice as it is
     * @throws IllegalArgumentException if the window is negative
     */
    public ScaleInStabilizer(Duration window) {
        Objects.requireNonNull(window, "window is missing");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window (" + window + ") must not be negative");
        }
        this.window = window;
    }

    /**
     * Returns the advice to act on: this one, or the highest count advised within the
     * window before it, with the reason it holds.
     * @param at when the advice was made
     * @param advice the advisor's advice
     * @return the stabilised advice
     */
    public ScalingAdvice stabilize(Instant at, ScalingAdvice advice) {
        this.advised.addLast(new Advised(at, advice.desiredMembers()));
        Instant oldest = at.minus(this.window);
        while (this.advised.peekFirst() != null && this.advised.peekFirst().at().isBefore(oldest)) {
            this.advised.removeFirst();
        }
        Advised highest = this.advised.stream().reduce((a, b) -> (b.members() >= a.members()) ? b : a).orElseThrow();
        if (highest.members() <= advice.desiredMembers()) {
            return advice;
        }
        List<String> reasons = new ArrayList<>(advice.reasons());
        reasons.add("hold " + highest.members() + ": a scale-in to " + advice.desiredMembers()
                + " waits until lower counts have been advised for " + Durations.format(this.window) + " ("
                + highest.members() + " advised " + Durations.format(Duration.between(highest.at(), at).withNanos(0))
                + " ago)");
        return new ScalingAdvice(highest.members(), reasons);
    }

    private record Advised(Instant at, int members) {
    }

}

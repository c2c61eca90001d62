package com.wedsync.grid.config.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The traffic expected at a moment: the causes in effect, each with its multiplier.
 * <p>
 * How they combine: the season multiplies, the spikes do not. The season means more
 * weddings, so it raises every spike with it (a Saturday in June carries 1.5 x 5 = 7.5
 * times the ordinary traffic, a Saturday in January 5 times). Spikes that coincide (a
 * Saturday that is also an RSVP-deadline evening and a photo-upload day) are mostly the
 * same people in the same hours, so the largest one counts and they are not multiplied: a
 * product would size the cluster for 5 x 2.5 x 4 = 50 times the ordinary traffic, a load
 * nobody has seen.
 *
 * @param factors the causes in effect, each with a multiplier above 1
 */
public record Traffic(Map<Cause, Double> factors) {

    /** Ordinary traffic: no cause in effect. */
    public static final Traffic ORDINARY = new Traffic(Map.of());

    /**
     * Validates the factors.
     * @throws IllegalArgumentException naming the cause and the value when a multiplier
     * is not between 1 and 100
     */
    public Traffic {
        Objects.requireNonNull(factors, "factors are missing");
        EnumMap<Cause, Double> copy = new EnumMap<>(Cause.class);
        factors.forEach((cause, multiplier) -> {
            if (!(multiplier > TrafficMultipliers.MIN && multiplier <= TrafficMultipliers.MAX)) {
                throw new IllegalArgumentException("factors." + cause + " (" + Multipliers.format(multiplier)
                        + ") must be above 1 and at most 100");
            }
            copy.put(cause, multiplier);
        });
        factors = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns how many times the ordinary traffic is expected: the season's multiplier
     * times the largest spike's.
     * @return at least 1
     */
    public double multiplier() {
        double spike = 1;
        for (Map.Entry<Cause, Double> factor : this.factors.entrySet()) {
            if (factor.getKey() != Cause.WEDDING_SEASON) {
                spike = Math.max(spike, factor.getValue());
            }
        }
        return season() * spike;
    }

    /**
     * Returns the level of the season alone, the traffic of an ordinary day at this time
     * of the year.
     * @return the season's multiplier, or 1 out of season
     */
    public double season() {
        return this.factors.getOrDefault(Cause.WEDDING_SEASON, 1.0);
    }

    /**
     * Tells whether a spike (any cause but the season) is in effect.
     * @return {@code true} during a peak
     */
    public boolean isPeak() {
        return this.factors.keySet().stream().anyMatch((cause) -> cause != Cause.WEDDING_SEASON);
    }

    /**
     * Tells whether one cause is in effect.
     * @param cause the cause
     * @return {@code true} if it is
     */
    public boolean has(Cause cause) {
        return this.factors.containsKey(cause);
    }

    /**
     * Returns the causes as short text for operators, in the order of {@link Cause}.
     * @return for example {@code ["Saturday x5", "wedding season (May-October) x1.5"]};
     * empty for ordinary traffic
     */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        this.factors.forEach((cause, multiplier) -> reasons.add(cause.label() + " x" + Multipliers.format(multiplier)));
        return List.copyOf(reasons);
    }

    @Override
    public String toString() {
        return "x" + Multipliers.format(multiplier()) + " "
                + (this.factors.isEmpty() ? "ordinary" : String.join(", ", reasons()));
    }
}

package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.catalog.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's clock ({@code grid.clock.*}; as an environment variable
 * {@code GRID_CLOCK_OFFSET}): the system's UTC clock, shifted by a fixed offset. The
 * shifted clock runs at real speed, so rates measured over it stay true; the monitor's
 * samples, the alerts and the capacity advisor (and so the traffic calendar's days) all
 * read it. An offset is for rehearsals such as the load test's simulated Saturday, where
 * every member of a cluster is given the same one; production leaves it at 0.
 *
 * @param offset how far the node's clock is ahead of the system's (negative: behind), at
 * most {@value #MAX_OFFSET_DAYS} days either way
 */
@ConfigurationProperties("grid.clock")
public record GridClockProperties(@DefaultValue("0s") Duration offset) {

    /** The largest offset accepted, in days either way. */
    public static final int MAX_OFFSET_DAYS = 400;

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the property and the value when the offset
     * is missing or beyond {@value #MAX_OFFSET_DAYS} days
     */
    public GridClockProperties {
        if (offset == null) {
            throw new IllegalArgumentException("grid.clock.offset must not be empty; write 0s for none");
        }
        if (offset.abs().compareTo(Duration.ofDays(MAX_OFFSET_DAYS)) > 0) {
            throw new IllegalArgumentException("grid.clock.offset (" + Durations.format(offset) + ") must be at most "
                    + MAX_OFFSET_DAYS + "d either way");
        }
    }

    /**
     * Returns the node's clock.
     * @param system the clock to shift, normally {@link Clock#systemUTC()}
     * @return {@code system} itself without an offset, else {@code system} shifted by it
     */
    public Clock clock(Clock system) {
        Objects.requireNonNull(system, "system clock is missing");
        return this.offset.isZero() ? system : Clock.offset(system, this.offset);
    }

}

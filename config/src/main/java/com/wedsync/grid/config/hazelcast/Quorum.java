package com.wedsync.grid.config.hazelcast;

import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The split-brain protection of the catalog's protected classes: the fewest members a
 * side of a network split needs to take their writes. A member counts when it sent a
 * heartbeat within {@code heartbeatTolerance} (Hazelcast's recently-active function), so
 * a minority notices the split after about that long, not after the longer member timeout
 * ({@code hazelcast.max.no.heartbeat.seconds}, 8 s as HazelcastConfigFactory sets it)
 * that the plain member count waits for.
 *
 * @param minMembers the fewest members, the local one included, a side needs to accept
 * writes; 0 for no protection
 * @param heartbeatTolerance how recent a member's last heartbeat must be for it to count;
 * must exceed Hazelcast's heartbeat interval
 * ({@code hazelcast.heartbeat.interval.seconds}, 1 s as HazelcastConfigFactory sets it)
 * and stay below {@code hazelcast.max.no.heartbeat.seconds}
 */
public record Quorum(int minMembers, Duration heartbeatTolerance) {

    /**
     * The heartbeat tolerance when none is given: 4 s, half the grid's 8 s member
     * timeout.
     */
    public static final Duration DEFAULT_HEARTBEAT_TOLERANCE = Duration.ofSeconds(4);

    /**
     * No split-brain protection: every side of a split takes writes (a one-member dev
     * grid needs this).
     */
    public static final Quorum OFF = new Quorum(0, DEFAULT_HEARTBEAT_TOLERANCE);

    /**
     * Validates the quorum.
     * @throws InvalidFieldException naming the field and the value when one is out of
     * range
     */
    public Quorum {
        if (minMembers != 0 && minMembers < 2) {
            throw InvalidFieldException.of("minMembers", String.valueOf(minMembers),
                    "must be at least 2, or 0 for no split-brain protection: one member is always present");
        }
        Objects.requireNonNull(heartbeatTolerance, "heartbeatTolerance is missing");
        if (heartbeatTolerance.toMillis() < 1000 || heartbeatTolerance.toMillis() > Integer.MAX_VALUE) {
            throw InvalidFieldException.of("heartbeatTolerance", Durations.format(heartbeatTolerance),
                    "must be between 1s and 24d");
        }
    }

    /**
     * Returns a quorum of a minimum member count with the default heartbeat tolerance.
     * @param minMembers see {@link #minMembers()}
     * @return the quorum
     * @throws IllegalArgumentException if {@code minMembers} is 1 or negative
     */
    public static Quorum of(int minMembers) {
        return new Quorum(minMembers, DEFAULT_HEARTBEAT_TOLERANCE);
    }

    /**
     * Returns whether the protection is on.
     * @return {@code true} when {@link #minMembers()} is set
     */
    public boolean enabled() {
        return this.minMembers > 0;
    }
}

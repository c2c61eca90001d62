package com.wedsync.grid.node.monitor;

import java.time.Instant;

/**
 * Told of every member joining or leaving, on the monitor's thread (never racing a
 * sample).
 */
@FunctionalInterface
public interface MembershipReaction {

    /**
     * Reacts to a change of membership.
     * @param member the address of the member that joined or left, {@code host:port}
     * @param joined {@code true} if it joined, {@code false} if it left
     * @param members the members now
     * @param at when this member was told
     */
    void membershipChanged(String member, boolean joined, int members, Instant at);

}

package com.wedsync.grid.node.monitor;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one membership listener with the member and hands each change to the
 * {@link MembershipReaction}s on the monitor's thread, so that Hazelcast's event thread
 * never waits for alert or scaling work.
 */
final class MembershipForwarder implements MembershipListener, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(MembershipForwarder.class);

    private final HazelcastInstance instance;

    private final List<MembershipReaction> reactions;

    private final ScheduledExecutorService scheduler;

    private final Clock clock;

    private final UUID registration;

    MembershipForwarder(HazelcastInstance instance, List<MembershipReaction> reactions,
            ScheduledExecutorService scheduler, Clock clock) {
        this.instance = instance;
        this.reactions = List.copyOf(reactions);
        this.scheduler = scheduler;
        this.clock = clock;
        this.registration = instance.getCluster().addMembershipListener(this);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        forward(event, true);
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        forward(event, false);
    }

    @Override
    public void close() {
        try {
            this.instance.getCluster().removeMembershipListener(this.registration);
        }
        catch (RuntimeException ex) {
            // The member has stopped already; its listeners went with it.
        }
    }

    private void forward(MembershipEvent event, boolean joined) {
        var address = event.getMember().getAddress();
        String member = address.getHost() + ":" + address.getPort();
        int members = event.getMembers().size();
        try {
            this.scheduler.execute(() -> {
                // Taken on the monitor's thread, so it is never before a sample already
                // evaluated.
                var at = this.clock.instant();
                for (MembershipReaction reaction : this.reactions) {
                    try {
                        reaction.membershipChanged(member, joined, members, at);
                    }
                    catch (RuntimeException ex) {
                        logger.warn("event=membership_reaction_failed reaction={} member={} joined={} error={}",
                                reaction.getClass().getSimpleName(), member, joined, ex.toString());
                    }
                }
            });
        }
        catch (RuntimeException ex) {
            // The scheduler is shut down: the node is stopping.
        }
    }

}

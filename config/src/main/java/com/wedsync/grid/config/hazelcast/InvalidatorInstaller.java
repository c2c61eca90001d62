package com.wedsync.grid.config.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;

/**
 * Puts a {@link CoalescingInvalidator} in place of the member's map invalidator when the
 * member has started ({@link MemberTuning}), taking over the replaced one's sequence
 * numbers and partition ids so that clients' near caches see one unbroken series. It
 * replaces only Hazelcast's send-at-once invalidator, the grid's setting: where
 * Hazelcast's own batching was switched back on, that stays. If Hazelcast's internals are
 * not what this expects, it logs a warning and leaves the member sending every
 * invalidation at once.
 */
final class InvalidatorInstaller {

    private static final ILogger logger = Logger.getLogger(InvalidatorInstaller.class);

    private InvalidatorInstaller() {
    }

    /**
     * Installs the coalescing invalidator on a member.
     * @param member the member
     * @return the member's coalescing invalidator, or {@code null} if it keeps
     * Hazelcast's
     */
    static CoalescingInvalidator<?> install(HazelcastInstance member) {
        try {
            MemberInternals internals = MemberInternals.of(member);
            CoalescingInvalidator<?> installed = internals.coalescingInvalidator();
            if (installed != null) {
                return installed;
            }
            if (!internals.sendsInvalidationsAtOnce()) {
                logger.fine("near-cache invalidations stay with " + internals.invalidatorName());
                return null;
            }
            // shuts the replacement down itself if it cannot put it in place
            return internals.coalesceInvalidations();
        }
        catch (RuntimeException | LinkageError ex) {
            logger.warning("could not install the coalescing near-cache invalidator (" + ex
                    + "); every invalidation is sent at once, as Hazelcast does");
            return null;
        }
    }

    /**
     * Returns a member's coalescing invalidator.
     * @param member the member
     * @return the invalidator, or {@code null} if the member sends invalidations
     * Hazelcast's way
     */
    static CoalescingInvalidator<?> installed(HazelcastInstance member) {
        return MemberInternals.of(member).coalescingInvalidator();
    }

}

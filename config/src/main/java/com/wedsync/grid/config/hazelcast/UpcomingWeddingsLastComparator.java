package com.wedsync.grid.config.hazelcast;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.MapEvictionPolicyComparator;

/**
 * Evicts the entries that would expire soonest first, and among those the least recently
 * used. Because the TTL policy gives entries of upcoming weddings the longest TTLs and
 * past weddings the shortest, this keeps upcoming weddings longest. Hazelcast samples
 * about 15 entries per eviction and evicts the one this comparator orders first, so it
 * biases the choice; the hard protection is the class's own memory budget.
 */
public final class UpcomingWeddingsLastComparator implements MapEvictionPolicyComparator<Object, Object> {

    private static final long serialVersionUID = 1L;

    @Override
    public int compare(EntryView<Object, Object> first, EntryView<Object, Object> second) {
        int byExpiry = Long.compare(first.getExpirationTime(), second.getExpirationTime());
        return (byExpiry != 0) ? byExpiry : Long.compare(lastUse(first), lastUse(second));
    }

    private static long lastUse(EntryView<Object, Object> entry) {
        return Math.max(entry.getCreationTime(), entry.getLastAccessTime());
    }

}

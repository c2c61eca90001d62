package com.wedsync.grid.client.internal;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.internal.monitor.impl.NearCacheStatsImpl;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.NearCacheRecord;
import com.hazelcast.internal.nearcache.NearCacheRecordStore;
import com.hazelcast.internal.nearcache.impl.DefaultNearCache;
import com.hazelcast.internal.nearcache.impl.store.NearCacheObjectRecordStore;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.util.Clock;
import com.hazelcast.internal.util.TimeStripUtil;

/**
 * A read of Hazelcast's near cache ({@code NearCache.get}) that answers a hit with the same decisions at a lower
 * cost, and hands everything else to {@code NearCache.get} itself.
 * <p>
 * Hazelcast's read ({@code AbstractNearCacheRecordStore.get} in 5.7) looks the record up in the record map, drops it
 * if the stale-read detector says the invalidation repair saw a newer sequence or another partition UUID for its
 * partition, drops it if expired (time to live or max idle), and on a hit reads the wall clock a second time to
 * write the access time, increments the record's hit count atomically and the near cache's hit statistic. This
 * read takes the same record from the same map and applies the same three checks (reservation state, the same
 * {@code StaleReadDetector}, the expiry with one wall-clock read), so every invalidation, clear, eviction,
 * expiry and repair that makes Hazelcast's read miss makes this one miss too: nothing is held outside Hazelcast's
 * record map. On a hit it writes the access time only when it changes (Hazelcast stores it in whole seconds, so the
 * stored value is the one Hazelcast's unconditional write would leave), and increments the near cache's hit
 * statistic; the record's own hit count, which only LFU eviction reads, is not kept.
 * <p>
 * Anything other than a plain hit (no record, a reserved record, a cached null, a stale or expired record) goes to
 * {@code NearCache.get}, which decides, invalidates and counts the miss as always. So does every read of a near
 * cache this reader does not know: another implementation, {@code BINARY} in-memory format, serialized keys, LFU
 * eviction.
 */
public final class NearCacheReader {

    private final NearCache<Object, Object> nearCache;

    /** The near cache when this reader may answer hits itself, else null. */
    private final DefaultNearCache<Object, Object> known;

    private final long maxIdleMillis;

    private NearCacheReader(NearCache<Object, Object> nearCache, DefaultNearCache<Object, Object> known,
            long maxIdleMillis) {
        this.nearCache = nearCache;
        this.known = known;
        this.maxIdleMillis = maxIdleMillis;
    }

    /**
     * Returns a reader of a near cache.
     * @param nearCache the near cache
     * @return the reader
     */
    public static NearCacheReader of(NearCache<Object, Object> nearCache) {
        NearCacheConfig config = nearCache.getNearCacheConfig();
        boolean known = nearCache instanceof DefaultNearCache<Object, Object>
                && config.getInMemoryFormat() == InMemoryFormat.OBJECT && !config.isSerializeKeys()
                && config.getEvictionConfig().getEvictionPolicy() != EvictionPolicy.LFU;
        // AbstractNearCacheRecordStore computes its max idle the same way
        long maxIdleMillis = config.getMaxIdleSeconds() * 1000L;
        return new NearCacheReader(nearCache, known ? (DefaultNearCache<Object, Object>) nearCache : null,
                maxIdleMillis);
    }

    /**
     * Tells whether hits are answered by this reader rather than by {@code NearCache.get}.
     * @return true if so
     */
    public boolean answersHits() {
        return this.known != null;
    }

    /**
     * Reserves a key for the value a read from the grid brings back, as Hazelcast's map proxy does before it reads:
     * an invalidation of the key before {@link #publish} cancels the reservation, so a value older than a write
     * the near cache has been told of is never stored. While the key is reserved, the map proxy's own reads of it
     * store nothing.
     * @param key the key (not serialized)
     * @param keyData the key serialized, for the stale-read detector's partition
     * @return the reservation, or {@code NearCacheRecord.NOT_RESERVED} if the key is cached or reserved already
     */
    public long reserve(Object key, Data keyData) {
        return this.nearCache.tryReserveForUpdate(key, keyData, NearCache.UpdateSemantic.READ_UPDATE);
    }

    /**
     * Stores what a read brought back under a reservation of {@link #reserve}, unless it was cancelled.
     * @param key the key (not serialized)
     * @param value the value read, or null if the grid holds none
     * @param reservation the reservation
     */
    public void publish(Object key, Object value, long reservation) {
        this.nearCache.tryPublishReserved(key, value, reservation, false);
    }

    /**
     * Drops a key from the near cache, as Hazelcast's map proxy does after a write.
     * @param key the key (not serialized)
     */
    public void invalidate(Object key) {
        this.nearCache.invalidate(key);
    }

    /**
     * Reads a key, as {@code NearCache.get} does.
     * @param key the key (not serialized)
     * @return the value, {@code NearCache.CACHED_AS_NULL}, or null if not cached
     */
    public Object get(Object key) {
        DefaultNearCache<Object, Object> cache = this.known;
        if (cache == null || key instanceof Data) {
            return this.nearCache.get(key);
        }
        // Read each time: the near cache's current store, as its own get reads it.
        NearCacheRecordStore<Object, Object> store = cache.getNearCacheRecordStore();
        if (!(store instanceof NearCacheObjectRecordStore<Object, Object> records)) {
            return this.nearCache.get(key);
        }
        NearCacheRecord record = records.getRecord(key);
        if (record == null || record.getReservationId() != NearCacheRecord.READ_PERMITTED
                || record.getValue() == null || records.getStaleReadDetector().isStaleRead(key, record)) {
            return this.nearCache.get(key);
        }
        long now = Clock.currentTimeMillis();
        if (record.isExpiredAt(now) || record.isIdleAt(this.maxIdleMillis, now)) {
            return this.nearCache.get(key);
        }
        if (TimeStripUtil.stripBaseTime(record.getLastAccessTime()) != TimeStripUtil.stripBaseTime(now)) {
            record.setLastAccessTime(now);
        }
        if (!(records.getNearCacheStats() instanceof NearCacheStatsImpl stats)) {
            return this.nearCache.get(key);
        }
        stats.incrementHits();
        // Read again after the checks, as Hazelcast's get does (a concurrent publish may have replaced it).
        Object value = record.getValue();
        return (value != null) ? value : this.nearCache.get(key);
    }
}

package com.wedsync.grid.client.internal;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.connection.ClientConnectionManager;
import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.monitor.impl.NearCacheStatsImpl;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.NearCacheRecord;
import com.hazelcast.internal.nearcache.NearCacheRecordStore;
import com.hazelcast.internal.nearcache.impl.DefaultNearCache;
import com.hazelcast.internal.nearcache.impl.store.NearCacheObjectRecordStore;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.util.Clock;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.internal.util.TimeStripUtil;
import com.hazelcast.map.IMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The only door from grid-client to Hazelcast's internals ({@code com.hazelcast.*.impl}
 * and {@code .internal}): no other class of this module imports them
 * ({@code HazelcastInternalsImportTests} checks it), so what a Hazelcast upgrade may
 * break is here, and {@code ClientInternalsIT} runs every method against a real member
 * and client. Each way in, and why no public API serves:
 * <ul>
 * <li>{@link Serialization}: the client's {@code SerializationService} and its serialized
 * form ({@code Data}). A value is serialized once, to measure it and compress it, and
 * that form is what the map stores: Hazelcast does not serialize a {@code Data} again. A
 * decompressed form is read back through {@code HeapData}.</li>
 * <li>{@link #connections}: the client's {@code ClientConnectionManager}. Nothing public
 * tells whether the client holds a connection to a given member, which the start waits
 * for ({@code ClientRuntime}).</li>
 * <li>{@link #nearCacheReader}, {@link #NOT_RESERVED}, {@link #isValue}: the map proxy's
 * {@code NearCache}, its record store and markers. The public API has no near-cache read:
 * the region reads L1 itself, at a lower cost, and reserves and publishes what it reads
 * from the grid as the proxy does ({@link NearCacheReader}).</li>
 * <li>{@link #asyncExecutor}, {@link #asyncExecutor(Executor)}, {@link #isThreadPerTask}:
 * {@code ConcurrencyUtil}'s default executor, Hazelcast's only setting for where
 * asynchronous callbacks run ({@code AsyncExecutor}).</li>
 * </ul>
 */
final class ClientInternals {

    /** What {@link NearCacheReader#reserve} returns when it did not reserve the key. */
    static final long NOT_RESERVED = NearCacheRecord.NOT_RESERVED;

    /** Hazelcast's thread-per-task fallback executor is a lambda of this class. */
    private static final String THREAD_PER_TASK = ConcurrencyUtil.class.getName() + "$$Lambda";

    private ClientInternals() {
    }

    /**
     * Returns the serialization of a client.
     * @param client the Hazelcast client
     * @return its serialization
     */
    static Serialization serialization(HazelcastInstance client) {
        return new Serialization(((HazelcastClientProxy) client).getSerializationService());
    }

    /**
     * Returns what tells whether a client has a connection to a member.
     * @param client the Hazelcast client
     * @return true for the UUID of a member the client holds an active connection to
     */
    static Predicate<UUID> connections(HazelcastInstance client) {
        ClientConnectionManager connections = ((HazelcastClientProxy) client).client.getConnectionManager();
        return (member) -> connections.getActiveConnection(member) != null;
    }

    /**
     * Returns a reader of a map's near cache.
     * @param map a map of a Hazelcast client
     * @return the reader, or null if the map has no near cache
     */
    static NearCacheReader nearCacheReader(IMap<Object, Object> map) {
        return (map instanceof NearCachedClientMapProxy<Object, Object> nearCached)
                ? NearCacheReader.of(nearCached.getNearCache()) : null;
    }

    /**
     * Tells whether what a near-cache read returned is a cached value, not a marker for
     * "not cached" or for a cached null.
     * @param cached what {@link NearCacheReader#get} returned
     * @return true if it is a value
     */
    static boolean isValue(Object cached) {
        return cached != null && cached != NearCache.NOT_CACHED && cached != NearCache.CACHED_AS_NULL;
    }

    /**
     * Returns the JVM-wide executor Hazelcast runs asynchronous callbacks on.
     * @return the executor
     */
    static Executor asyncExecutor() {
        return ConcurrencyUtil.getDefaultAsyncExecutor();
    }

    /**
     * Replaces the JVM-wide executor Hazelcast runs asynchronous callbacks on.
     * @param executor the new executor
     */
    static void asyncExecutor(Executor executor) {
        ConcurrencyUtil.setDefaultAsyncExecutor(executor);
    }

    /**
     * Tells whether an executor is Hazelcast's fallback that starts a thread per task,
     * which it picks when the common pool has a parallelism of 1.
     * @param executor an executor
     * @return true if it is that fallback
     */
    static boolean isThreadPerTask(Executor executor) {
        return executor.getClass().getName().startsWith(THREAD_PER_TASK);
    }

    /**
     * A client's serialization, and the serialized form a map stores as it is. The form
     * is handed around as an {@code Object}: only this class knows its type.
     */
    static final class Serialization {

        private final SerializationService service;

        private Serialization(SerializationService service) {
            this.service = service;
        }

        /**
         * Wraps a serialization service (tests use one without a client).
         * @param service the service
         * @return the serialization
         */
        static Serialization of(SerializationService service) {
            return new Serialization(service);
        }

        /**
         * Serializes an object as a map proxy does (no partitioning strategy).
         * @param object the object
         * @return its serialized form, which a map stores without serializing it again
         */
        Object toData(Object object) {
            return this.service.toData(object);
        }

        /**
         * Returns the size of a serialized form.
         * @param data what {@link #toData} returned
         * @return its total size in bytes
         */
        int size(Object data) {
            return ((Data) data).totalSize();
        }

        /**
         * Returns the bytes of a serialized form.
         * @param data what {@link #toData} returned
         * @return its bytes, {@link #size} of them
         */
        byte[] bytes(Object data) {
            return ((Data) data).toByteArray();
        }

        /**
         * Deserializes the bytes of a serialized form.
         * @param bytes what {@link #bytes} returned
         * @return the object
         */
        Object toObject(byte[] bytes) {
            return this.service.toObject(new HeapData(bytes));
        }

    }

    /**
     * A read of Hazelcast's near cache ({@code NearCache.get}) that answers a hit with
     * the same decisions at a lower cost, and hands everything else to
     * {@code NearCache.get} itself.
     * <p>
     * Hazelcast's read ({@code AbstractNearCacheRecordStore.get} in 5.7) looks the record
     * up in the record map, drops it if the stale-read detector says the invalidation
     * repair saw a newer sequence or another partition UUID for its partition, drops it
     * if expired (time to live or max idle), and on a hit reads the wall clock a second
     * time to write the access time, increments the record's hit count atomically and the
     * near cache's hit statistic. This read takes the same record from the same map and
     * applies the same three checks (reservation state, the same
     * {@code StaleReadDetector}, the expiry with one wall-clock read), so every
     * invalidation, clear, eviction, expiry and repair that makes Hazelcast's read miss
     * makes this one miss too: nothing is held outside Hazelcast's record map. On a hit
     * it writes the access time only when it changes (Hazelcast stores it in whole
     * seconds, so the stored value is the one Hazelcast's unconditional write would
     * leave), and increments the near cache's hit statistic; the record's own hit count,
     * which only LFU eviction reads, is not kept.
     * <p>
     * Anything other than a plain hit (no record, a reserved record, a cached null, a
     * stale or expired record) goes to {@code NearCache.get}, which decides, invalidates
     * and counts the miss as always. So does every read of a near cache this reader does
     * not know: another implementation, {@code BINARY} in-memory format, serialized keys,
     * LFU eviction.
     */
    static final class NearCacheReader {

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
        static NearCacheReader of(NearCache<Object, Object> nearCache) {
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
         * Tells whether hits are answered by this reader rather than by
         * {@code NearCache.get}.
         * @return true if so
         */
        boolean answersHits() {
            return this.known != null;
        }

        /**
         * Reserves a key for the value a read from the grid brings back, as Hazelcast's
         * map proxy does before it reads: an invalidation of the key before
         * {@link #publish} cancels the reservation, so a value older than a write the
         * near cache has been told of is never stored. While the key is reserved, the map
         * proxy's own reads of it store nothing.
         * @param key the key (not serialized)
         * @param keyData the key as {@link Serialization#toData} serialized it, for the
         * stale-read detector's partition
         * @return the reservation, or {@link ClientInternals#NOT_RESERVED} if the key is
         * cached or reserved already
         */
        long reserve(Object key, Object keyData) {
            return this.nearCache.tryReserveForUpdate(key, (Data) keyData, NearCache.UpdateSemantic.READ_UPDATE);
        }

        /**
         * Stores what a read brought back under a reservation of {@link #reserve}, unless
         * it was cancelled.
         * @param key the key (not serialized)
         * @param value the value read, or null if the grid holds none
         * @param reservation the reservation
         */
        void publish(Object key, Object value, long reservation) {
            this.nearCache.tryPublishReserved(key, value, reservation, false);
        }

        /**
         * Drops a key from the near cache, as Hazelcast's map proxy does after a write.
         * @param key the key (not serialized)
         */
        void invalidate(Object key) {
            this.nearCache.invalidate(key);
        }

        /**
         * Reads a key, as {@code NearCache.get} does.
         * @param key the key (not serialized)
         * @return the value, a cached-null marker (see {@link ClientInternals#isValue}),
         * or null if not cached
         */
        Object get(Object key) {
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
            // Read again after the checks, as Hazelcast's get does (a concurrent publish
            // may have replaced it).
            Object value = record.getValue();
            return (value != null) ? value : this.nearCache.get(key);
        }

    }

}

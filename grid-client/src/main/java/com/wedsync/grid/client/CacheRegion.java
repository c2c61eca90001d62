package com.wedsync.grid.client;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.ttl.AccessHint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The cache of one data class: reads go to the near cache (L1) first, then to the grid
 * (L2). Keys of wedding data are {@link com.wedsync.grid.config.key.WeddingKey}s, so all
 * entries of a wedding share a partition. Writes are acknowledged by the owning member
 * before they return; nothing is dropped silently. Every call is bounded by the client's
 * operation timeout.
 *
 * @param <K> the key type
 * @param <V> the value type; values are treated as immutable
 */
public interface CacheRegion<K, V> {

    /**
     * The most keys one {@link #getAll} and entries one {@link #putAll} take: larger
     * batches are refused.
     */
    int MAX_BATCH = 10_000;

    /**
     * The longest {@code String} key, in characters
     * ({@link com.wedsync.grid.config.key.WeddingKey} ids have their own limit of
     * {@value com.wedsync.grid.config.key.WeddingKey#MAX_LENGTH} each).
     */
    int MAX_KEY_LENGTH = 1024;

    /**
     * Returns the data class of this region.
     * @return the class
     */
    DataClass dataClass();

    /**
     * Reads a value.
     * @param key the key
     * @return the value, or {@code null} if the grid has none
     * @throws NullPointerException if the key is null
     * @throws IllegalArgumentException if the key is a {@code String} longer than
     * {@value #MAX_KEY_LENGTH}
     * @throws GridUnavailableException if the grid did not answer in time
     */
    V get(K key);

    /**
     * Reads a value and tells the observer where it was answered.
     * @param key the key
     * @param observer told, on this thread, whether L1, L2 or neither had it
     * @return the value, or {@code null} if the grid has none
     * @throws NullPointerException if the key is null
     * @throws GridUnavailableException if the grid did not answer in time
     */
    V get(K key, ReadSource.Observer observer);

    /**
     * Reads several values.
     * @param keys the keys
     * @return the values found, by key
     * @throws NullPointerException if the set or a key is null
     * @throws IllegalArgumentException if the set has more than {@value #MAX_BATCH} keys
     * or a key is too long
     * @throws GridUnavailableException if the grid did not answer in time
     */
    Map<K, V> getAll(Set<K> keys);

    /**
     * Writes a value with the TTL the policy gives an entry of this class with no wedding
     * date.
     * @param key the key
     * @param value the value
     * @throws NullPointerException if the key or the value is null
     * @throws ValueTooLargeException if the value is larger than the limit after
     * compression
     * @throws GridUnavailableException if the grid did not acknowledge the write in time,
     * or split-brain protection refused it (a minority side of a network split, for a
     * protected class)
     */
    void put(K key, V value);

    /**
     * Writes a value with the TTL the policy gives an entry of a wedding on the given
     * date.
     * @param key the key
     * @param value the value
     * @param weddingDate the date of the entry's wedding
     * @param hint how the entry will be used
     * @throws NullPointerException if an argument is null
     * @throws ValueTooLargeException if the value is larger than the limit after
     * compression
     * @throws GridUnavailableException if the grid did not acknowledge the write in time,
     * or split-brain protection refused it (a minority side of a network split, for a
     * protected class)
     */
    void put(K key, V value, LocalDate weddingDate, AccessHint hint);

    /**
     * Writes a value with a given TTL.
     * @param key the key
     * @param value the value
     * @param ttl the TTL, inside the class's bounds
     * @throws IllegalArgumentException if the TTL is outside the class's bounds
     * @throws ValueTooLargeException if the value is larger than the limit after
     * compression
     * @throws GridUnavailableException if the grid did not acknowledge the write in time,
     * or split-brain protection refused it (a minority side of a network split, for a
     * protected class)
     */
    void put(K key, V value, Duration ttl);

    /**
     * Writes several values with the TTL the policy gives an entry of this class with no
     * wedding date (the TTL of {@link #put(Object, Object)}), in one round trip per
     * member: the way to warm a region in bulk. Every key and value is checked and
     * encoded before anything is sent, so a bad one writes nothing. The write is not
     * atomic: if the grid fails part-way, some of the entries may have been written.
     * @param entries the values by key
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if the map has more than {@value #MAX_BATCH}
     * entries, a key is too long or a value is not of this region's type
     * @throws ValueTooLargeException if a value is larger than the limit after
     * compression
     * @throws GridUnavailableException if the grid did not acknowledge the writes in
     * time, or split-brain protection refused it (a minority side of a network split, for
     * a protected class)
     */
    void putAll(Map<? extends K, ? extends V> entries);

    /**
     * Writes a value unless the key has one, atomically on the owning member, with the
     * TTL of an entry with no wedding date.
     * @param key the key
     * @param value the value
     * @return the value already there, or {@code null} if this one was written
     * @throws NullPointerException if the key or the value is null
     * @throws ValueTooLargeException if the value is larger than the limit after
     * compression
     * @throws GridUnavailableException if the grid did not answer in time, or split-brain
     * protection refused it (a minority side of a network split, for a protected class)
     */
    V putIfAbsent(K key, V value);

    /**
     * Removes a value, if there is one.
     * @param key the key
     * @throws GridUnavailableException if the grid did not acknowledge the removal in
     * time, or split-brain protection refused it (a minority side of a network split, for
     * a protected class)
     */
    void remove(K key);

    /**
     * Removes every entry of this data class from the grid: for every client and service,
     * not just this one. Other clients' near caches drop the entries when the
     * invalidation reaches them.
     * @throws GridUnavailableException if the grid did not acknowledge it in time, or
     * split-brain protection refused it (a minority side of a network split, for a
     * protected class)
     */
    void clear();

    /**
     * Reads a value, loading and storing it on a miss. Inside this JVM, concurrent misses
     * of one key make one loader call and share its result; a loader's exception reaches
     * every waiting caller and nothing is cached. On a minority side of a network split,
     * where split-brain protection refuses writes to a protected class but reads still
     * work, the loaded value is returned without being stored (counted by
     * {@code grid.region.loads.unstored}; the next miss loads again).
     * @param key the key
     * @param loader computes the value on a miss; may return null for "none"
     * @return the value, or {@code null} if the loader found none
     * @throws GridUnavailableException if the grid did not answer in time
     * @throws RuntimeException whatever the loader threw
     */
    V getOrLoad(K key, Function<? super K, ? extends V> loader);

    /**
     * Reads a value without blocking. A value read from the grid enters the near cache
     * shortly after the returned stage completes (Hazelcast publishes it on its own
     * scheduler), so a read right after may still go to the grid.
     * @param key the key
     * @return the value, or {@code null} if the grid has none
     */
    CompletionStage<V> getAsync(K key);

    /**
     * Writes a value without blocking, with the TTL of an entry with no wedding date.
     * @param key the key
     * @param value the value
     * @return completes when the owning member has acknowledged the write (or fails with
     * {@link GridUnavailableException} as {@link #put(Object, Object)} would)
     */
    CompletionStage<Void> putAsync(K key, V value);

    /**
     * Removes a value without blocking.
     * @param key the key
     * @return completes when the owning member has acknowledged the removal (or fails
     * with {@link GridUnavailableException} as {@link #remove(Object)} would)
     */
    CompletionStage<Void> removeAsync(K key);

    /**
     * {@link #getOrLoad} without blocking the caller: a miss loads on the client's loader
     * pool.
     * @param key the key
     * @param loader computes the value on a miss
     * @return the value, or {@code null} if the loader found none
     */
    CompletionStage<V> getOrLoadAsync(K key, Function<? super K, ? extends V> loader);

}

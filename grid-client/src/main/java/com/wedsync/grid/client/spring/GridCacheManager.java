package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.DataClassPolicy;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * A Spring {@link CacheManager} over the regions of a {@link GridClient}: one cache per
 * data class, named by its catalog id ({@code wedding_data}, {@code vendor_responses},
 * {@code guest_interactions}, {@code photo_thumbnails}, {@code system_cache}), holding
 * any value type. There are no other caches: {@link #getCache} answers {@code null} for
 * any other name, and Spring then reports the unknown name.
 * <p>
 * Entries get the TTL the policy gives an entry of their class with no wedding date; no
 * {@code null} values are stored (putting {@code null} evicts). Keys are the ones the
 * application's cache annotations make: use {@code WeddingKey}s (a SpEL {@code key}) or
 * {@code String}s. Spring's {@code SimpleKey}s, the default keys of methods with several
 * parameters, work but are Java-serialized: members store them without reading them, and
 * member-side code that reads keys cannot. Values must be serializable by Hazelcast
 * (records need no setup). {@code clear()} (and {@code @CacheEvict(allEntries = true)})
 * empties the data class for every client.
 */
public final class GridCacheManager implements CacheManager {

    private final GridClient client;

    private final Set<String> names;

    private final ConcurrentMap<String, GridCache> caches = new ConcurrentHashMap<>();

    /**
     * Creates the manager.
     * @param client the client whose regions back the caches
     */
    public GridCacheManager(GridClient client) {
        this.client = Objects.requireNonNull(client, "client");
        Set<String> ids = new LinkedHashSet<>();
        for (DataClassPolicy policy : client.catalog().policies()) {
            ids.add(policy.dataClass().id());
        }
        this.names = Collections.unmodifiableSet(ids);
    }

    /**
     * Returns the cache of a data class.
     * @param name the class's id, for example {@code vendor_responses}
     * @return the cache, or {@code null} if no data class has that id
     */
    @Override
    public Cache getCache(String name) {
        if (!this.names.contains(name)) {
            return null;
        }
        return this.caches.computeIfAbsent(name, (id) -> new GridCache(this.client, DataClass.fromId(id)));
    }

    /**
     * Returns the ids of the data classes.
     * @return the cache names, in catalog order
     */
    @Override
    public Collection<String> getCacheNames() {
        return this.names;
    }

    /**
     * Forgets the cache objects handed out so far, and leaves the grid alone: its entries
     * are shared with every other client, so resetting one application must not clear
     * them (Spring's default would clear every data class cluster-wide). To clear a class
     * for everyone, call {@link Cache#clear()} on its cache.
     */
    @Override
    public void resetCaches() {
        this.caches.clear();
    }

}

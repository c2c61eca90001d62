package com.wedsync.grid.client;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.client.internal.ClientRuntime;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClass;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The one entry point services use: a Hazelcast client with smart routing and a near
 * cache (L1) per data class, and a typed {@link CacheRegion} per data class. Thread-safe;
 * make one per JVM and close it on shutdown.
 *
 * <pre>{@code
 * try (GridClient grid = GridClient.connect(GridClientSettings.defaults())) {
 *     CacheRegion<WeddingKey, Timeline> timelines = grid.region(DataClass.WEDDING_DATA, Timeline.class);
 *     Timeline timeline = timelines.getOrLoad(new WeddingKey(weddingId, "timeline"), (key) -> db.timeline(key));
 * }
 * }</pre>
 */
public final class GridClient implements AutoCloseable {

    private final ClientRuntime runtime;

    private final Catalog catalog;

    private GridClient(ClientRuntime runtime, Catalog catalog) {
        this.runtime = runtime;
        this.catalog = catalog;
    }

    /**
     * Connects to the grid, with meters in Micrometer's global registry.
     * @param settings how to reach the grid
     * @return the connected client
     * @throws GridUnavailableException if no member answered within the connect timeout
     */
    public static GridClient connect(GridClientSettings settings) {
        return connect(settings, Metrics.globalRegistry);
    }

    /**
     * Connects to the grid.
     * @param settings how to reach the grid
     * @param registry where the regions' meters go
     * @return the connected client
     * @throws GridUnavailableException if no member answered within the connect timeout
     * @throws IncompatibleHazelcastException before connecting, if the Hazelcast on the
     * classpath is of another major or minor version than the one grid-client was built
     * with
     */
    public static GridClient connect(GridClientSettings settings, MeterRegistry registry) {
        return new GridClient(ClientRuntime.connect(settings, registry), settings.catalog());
    }

    /**
     * Returns the region of a data class.
     * @param <K> the key type ({@code WeddingKey} for the classes that belong to a
     * wedding)
     * @param <V> the value type
     * @param dataClass the class
     * @param valueType the type of its values
     * @return the region
     */
    public <K, V> CacheRegion<K, V> region(DataClass dataClass, Class<V> valueType) {
        return this.runtime.region(dataClass, valueType);
    }

    /**
     * Returns the region of a data class by its catalog name.
     * @param <K> the key type
     * @param <V> the value type
     * @param name the class's name, for example {@code vendor_responses}
     * @param valueType the type of its values
     * @return the region
     * @throws IllegalArgumentException naming the value and the known regions if the name
     * is unknown
     */
    public <K, V> CacheRegion<K, V> region(String name, Class<V> valueType) {
        return region(DataClass.fromId(name), valueType);
    }

    /**
     * Returns the cluster's calendar: weddings and their deadlines, which size the grid
     * for their days.
     * @return the calendar
     */
    public GridCalendar calendar() {
        return this.runtime.calendar();
    }

    /**
     * Returns the catalog the client was configured with.
     * @return the catalog
     */
    public Catalog catalog() {
        return this.catalog;
    }

    /**
     * Returns the underlying Hazelcast client, for what the regions do not offer. It is
     * configured for the regions: an operation cut off by a member's death is sent again
     * ({@code redoOperation}), which suits their idempotent writes but may apply a
     * non-idempotent call made here twice (an increment, an {@code offer} to a queue; a
     * redone {@code putIfAbsent} whose first attempt was applied reports the caller's own
     * value as the old one). It deserializes only what
     * {@link GridClientSettings#deserializationAllowList()} allows.
     * @return the Hazelcast client
     */
    public HazelcastInstance hazelcast() {
        return this.runtime.hazelcast();
    }

    /** Disconnects from the grid. */
    @Override
    public void close() {
        this.runtime.close();
    }

}

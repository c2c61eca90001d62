package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.ReadSource;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The grid through grid-client, as services use it: reads through the region (L1 then
 * L2), writes with the TTL the policy gives. Named {@code grid} with near caches,
 * {@code grid-l2} without.
 * <p>
 * {@link #executeAsync} goes through {@link CacheRegion#getAsync} and
 * {@link CacheRegion#putAsync}, which do not say where a read was answered. It is
 * inferred: a read of a class whose client policy has a near cache is L1 when the
 * returned stage is already complete, because the region answers a near-cache hit with a
 * completed future and anything else with a future the grid's response completes later. A
 * response from the grid that arrives before the stage is checked (a few hundred
 * nanoseconds) would count as L1 too, which on a network is too unlikely to matter. A
 * read that finds nothing is a miss; one that is not L1 or a miss is L2.
 */
public final class GridTarget implements Target {

    private final String name;

    private final GridClient client;

    private final AutoCloseable owned;

    private final Map<DataClass, CacheRegion<WeddingKey, byte[]>> regions = new EnumMap<>(DataClass.class);

    private final Map<DataClass, Boolean> nearCached = new EnumMap<>(DataClass.class);

    private final ThreadLocal<LayerHolder> layers = ThreadLocal.withInitial(LayerHolder::new);

    /**
     * Creates the target over a connected client.
     * @param name the name reports show
     * @param client the client; closed with the target
     * @param owned what else the target started and closes last (an embedded grid), or
     * {@code null}
     */
    public GridTarget(String name, GridClient client, AutoCloseable owned) {
        this.name = name;
        this.client = client;
        this.owned = owned;
        for (DataClass dataClass : DataClass.values()) {
            this.regions.put(dataClass, client.region(dataClass, byte[].class));
            this.nearCached.put(dataClass, client.catalog().policy(dataClass).nearCache().enabled());
        }
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public Layer execute(Operation operation) {
        CacheRegion<WeddingKey, byte[]> region = this.regions.get(operation.dataClass());
        return switch (operation.type()) {
            case GET -> {
                LayerHolder holder = this.layers.get();
                region.get(operation.key(), holder);
                yield holder.layer;
            }
            case PUT -> {
                region.put(operation.key(), operation.value());
                yield Layer.WRITE;
            }
        };
    }

    /**
     * Starts one operation through the region's asynchronous API; see the class comment
     * for how a read's layer is inferred.
     * @param operation the operation
     * @return completes with where it was answered, or exceptionally with what the region
     * failed with
     */
    @Override
    public CompletionStage<Layer> executeAsync(Operation operation) {
        CacheRegion<WeddingKey, byte[]> region = this.regions.get(operation.dataClass());
        try {
            return switch (operation.type()) {
                case GET -> read(region, operation);
                case PUT -> region.putAsync(operation.key(), operation.value()).thenApply((ignored) -> Layer.WRITE);
            };
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private CompletionStage<Layer> read(CacheRegion<WeddingKey, byte[]> region, Operation operation) {
        CompletionStage<byte[]> read = region.getAsync(operation.key());
        // Checked at once: a near-cache hit is the only read the region answers before
        // returning.
        boolean l1 = this.nearCached.get(operation.dataClass()) && read.toCompletableFuture().isDone();
        return read.thenApply((value) -> (value == null) ? Layer.MISS : (l1 ? Layer.L1 : Layer.L2));
    }

    /**
     * Returns the region of a class, for uses beside {@link #execute} such as bulk
     * writes.
     * @param dataClass the class
     * @return the region, of raw bytes
     */
    public CacheRegion<WeddingKey, byte[]> region(DataClass dataClass) {
        return this.regions.get(dataClass);
    }

    /**
     * Returns the entries in this client's near caches (L1) now, summed over the classes
     * that have one, from Hazelcast's own near-cache statistics (what grid-client's
     * {@code grid.region.near.cache.entries} reads).
     * @return the entries
     */
    public long nearCacheEntries() {
        long entries = 0;
        for (DataClass dataClass : DataClass.values()) {
            if (this.nearCached.get(dataClass)) {
                String map = this.client.catalog().policy(dataClass).mapName();
                entries += this.client.hazelcast()
                    .getMap(map)
                    .getLocalMapStats()
                    .getNearCacheStats()
                    .getOwnedEntryCount();
            }
        }
        return entries;
    }

    /**
     * Returns how many members the client sees.
     * @return the cluster's size
     */
    public int members() {
        return this.client.hazelcast().getCluster().getMembers().size();
    }

    @Override
    public Optional<GridControl> cluster() {
        return (this.owned instanceof GridControl control) ? Optional.of(control) : Optional.empty();
    }

    @Override
    public void close() {
        this.client.close();
        if (this.owned != null) {
            try {
                this.owned.close();
            }
            catch (Exception ex) {
                throw new IllegalStateException("could not stop " + this.owned, ex);
            }
        }
    }

    /**
     * Where the thread's last read was answered; one per thread, so reads allocate
     * nothing for it.
     */
    private static final class LayerHolder implements ReadSource.Observer {

        private Layer layer;

        @Override
        public void observed(ReadSource source) {
            this.layer = switch (source) {
                case L1 -> Layer.L1;
                case L2 -> Layer.L2;
                case MISS -> Layer.MISS;
            };
        }

    }

}

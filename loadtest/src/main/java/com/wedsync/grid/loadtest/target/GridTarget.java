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

/**
 * The grid through grid-client, as services use it: reads through the region (L1 then L2), writes with the TTL
 * the policy gives. Named {@code grid} with near caches, {@code grid-l2} without.
 */
public final class GridTarget implements Target {

    private final String name;

    private final GridClient client;

    private final AutoCloseable owned;

    private final Map<DataClass, CacheRegion<WeddingKey, byte[]>> regions = new EnumMap<>(DataClass.class);

    private final ThreadLocal<LayerHolder> layers = ThreadLocal.withInitial(LayerHolder::new);

    /**
     * Creates the target over a connected client.
     * @param name the name reports show
     * @param client the client; closed with the target
     * @param owned what else the target started and closes last (an embedded grid), or {@code null}
     */
    public GridTarget(String name, GridClient client, AutoCloseable owned) {
        this.name = name;
        this.client = client;
        this.owned = owned;
        for (DataClass dataClass : DataClass.values()) {
            this.regions.put(dataClass, client.region(dataClass, byte[].class));
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

    /** Where the thread's last read was answered; one per thread, so reads allocate nothing for it. */
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

package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.EmbeddedGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk writes through grid-client, as a service warming the grid would do them: {@link CacheRegion#putAll}, with
 * the class's default TTL, through a client with near caches ({@code grid}) or without ({@code grid-l2}).
 */
final class GridBulkSink implements BulkSink {

    private final String name;

    private final GridClient client;

    private final EmbeddedGrid embedded;

    private final CacheRegion<WeddingKey, byte[]> region;

    private GridBulkSink(String name, GridClient client, EmbeddedGrid embedded, DataClass dataClass) {
        this.name = name;
        this.client = client;
        this.embedded = embedded;
        this.region = client.region(dataClass, byte[].class);
    }

    /**
     * Connects to a running cluster, or starts an embedded one when no members are given.
     * @param name {@code grid} or {@code grid-l2}
     * @param where the members or the embedded grid's size and memory
     * @param dataClass the class the values go to
     * @return the sink, owning what it started
     */
    static GridBulkSink open(String name, BulkOptions.Where where, DataClass dataClass) {
        EmbeddedGrid embedded = null;
        List<String> members = where.members();
        String clusterName = where.clusterName();
        if (members.isEmpty()) {
            embedded = EmbeddedGrid.start(CatalogLoader.loadDefault(), where.embeddedMembers(),
                    where.memoryLimitBytes());
            members = embedded.addresses();
            clusterName = embedded.clusterName();
        }
        try {
            Catalog catalog = "grid-l2".equals(name) ? withoutNearCaches() : CatalogLoader.loadDefault();
            GridClientSettings settings = GridClientSettings.defaults()
                .withCluster(clusterName, members)
                .withCatalog(catalog, Clock.systemUTC());
            return new GridBulkSink(name, GridClient.connect(settings, new SimpleMeterRegistry()), embedded,
                    dataClass);
        }
        catch (RuntimeException ex) {
            if (embedded != null) {
                embedded.close();
            }
            throw ex;
        }
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public void write(Map<WeddingKey, byte[]> batch) {
        this.region.putAll(batch);
    }

    @Override
    public int members() {
        return this.client.hazelcast().getCluster().getMembers().size();
    }

    @Override
    public void close() {
        this.client.close();
        if (this.embedded != null) {
            this.embedded.close();
        }
    }

    private static Catalog withoutNearCaches() {
        Map<String, String> overrides = new HashMap<>();
        for (DataClass dataClass : DataClass.values()) {
            overrides.put(dataClass.id() + ".near-cache.enabled", "false");
        }
        return CatalogLoader.loadDefault(overrides);
    }
}

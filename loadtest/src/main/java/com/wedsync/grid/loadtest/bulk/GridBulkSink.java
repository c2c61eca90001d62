package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.client.CacheRegion;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.GridTarget;
import com.wedsync.grid.loadtest.target.Targets;
import java.util.Map;

/**
 * Bulk writes through grid-client, as a service warming the grid would do them:
 * {@link CacheRegion#putAll}, with the class's default TTL, through a client with near
 * caches ({@code grid}) or without ({@code grid-l2}).
 */
final class GridBulkSink implements BulkSink {

    private final GridTarget target;

    private final CacheRegion<WeddingKey, byte[]> region;

    private GridBulkSink(GridTarget target, DataClass dataClass) {
        this.target = target;
        this.region = target.region(dataClass);
    }

    /**
     * Connects to a running cluster, or starts an embedded one when no members are given.
     * @param name {@code grid} or {@code grid-l2}
     * @param where the members or the embedded grid's size and memory
     * @param dataClass the class the values go to
     * @return the sink, owning what it started
     */
    static GridBulkSink open(String name, Targets.TargetOptions where, DataClass dataClass) {
        return new GridBulkSink(Targets.openGrid(name, where), dataClass);
    }

    @Override
    public String name() {
        return this.target.name();
    }

    @Override
    public void write(Map<WeddingKey, byte[]> batch) {
        this.region.putAll(batch);
    }

    @Override
    public int members() {
        return this.target.members();
    }

    @Override
    public void close() {
        this.target.close();
    }

}

package com.wedsync.grid.client;

import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/**
 * Clients of a {@link LoopbackGrid}: settings naming its cluster, ports and catalog, and
 * connections the grid closes before its members.
 */
public final class TestClients {

    private TestClients() {
    }

    /**
     * Returns the settings of a client of the grid: the defaults, its cluster and port
     * span, and its catalog.
     * @param grid the grid
     * @return the settings
     */
    public static GridClientSettings settings(LoopbackGrid grid) {
        return GridClientSettings.defaults()
            .withCluster(grid.clusterName(), grid.addresses())
            .withCatalog(grid.catalog(), Clock.systemUTC());
    }

    /**
     * Connects a client with {@link #settings} and a meter registry of its own.
     * @param grid the grid
     * @return the client, closed with the grid
     */
    public static GridClient connect(LoopbackGrid grid) {
        return connect(grid, settings(grid));
    }

    /**
     * Connects a client with {@link #settings}.
     * @param grid the grid
     * @param registry its meter registry
     * @return the client, closed with the grid
     */
    public static GridClient connect(LoopbackGrid grid, MeterRegistry registry) {
        return connect(grid, settings(grid), registry);
    }

    /**
     * Connects a client with a meter registry of its own.
     * @param grid the grid
     * @param settings its settings, usually {@link #settings} changed
     * @return the client, closed with the grid
     */
    public static GridClient connect(LoopbackGrid grid, GridClientSettings settings) {
        return connect(grid, settings, new SimpleMeterRegistry());
    }

    /**
     * Connects a client.
     * @param grid the grid
     * @param settings its settings
     * @param registry its meter registry
     * @return the client, closed with the grid
     */
    public static GridClient connect(LoopbackGrid grid, GridClientSettings settings, MeterRegistry registry) {
        return grid.closeWith(GridClient.connect(settings, registry));
    }

}

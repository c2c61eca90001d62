package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a target by name: {@code grid} (near caches on), {@code grid-l2} (near caches
 * off on the client), {@code caffeine}, {@code redis} (the server at {@code redisUri}). A
 * grid target connects to {@code members} when given, or starts an embedded grid.
 */
public final class Targets {

    /** The names {@link #open} knows. */
    public static final List<String> NAMES = List.of("grid", "grid-l2", "caffeine", "redis");

    private Targets() {
    }

    /**
     * Where the targets find what they drive.
     *
     * @param members {@code host:port} addresses of a running cluster; empty to start an
     * embedded one
     * @param clusterName the running cluster's name (ignored when embedded)
     * @param embeddedMembers how many members to start when embedded
     * @param memoryLimitBytes each embedded member's cache memory limit
     * @param redisUri the Redis server of the {@code redis} target, for example
     * {@code redis://127.0.0.1:6379}
     */
    public record TargetOptions(List<String> members, String clusterName, int embeddedMembers, long memoryLimitBytes,
            String redisUri) {
    }

    /**
     * Opens a target.
     * @param name one of {@link #NAMES}
     * @param grid where a grid target finds its grid
     * @return the target, owning everything it started
     * @throws IllegalArgumentException naming the value and the known targets for an
     * unknown name
     */
    public static Target open(String name, TargetOptions grid) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "grid", "grid-l2" -> openGrid(name, grid);
            case "caffeine" -> new CaffeineTarget(1_000_000);
            case "redis" -> RedisTarget.connect(grid.redisUri(), CatalogLoader.loadDefault());
            default -> throw new IllegalArgumentException("--target '" + name + "' is not one of " + NAMES);
        };
    }

    /**
     * Opens a grid target: connects to the running cluster the options name, or starts an
     * embedded one.
     * @param name {@code grid} (near caches on) or {@code grid-l2} (off)
     * @param options where the grid is
     * @return the target, owning the client and any grid it started
     * @throws IllegalArgumentException naming the value for another name
     */
    public static GridTarget openGrid(String name, TargetOptions options) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "grid" -> grid(name, options, CatalogLoader.loadDefault());
            case "grid-l2" -> grid(name, options, withoutNearCaches());
            default -> throw new IllegalArgumentException("--target '" + name + "' is not grid or grid-l2");
        };
    }

    private static GridTarget grid(String name, TargetOptions options, Catalog clientCatalog) {
        EmbeddedGrid embedded = null;
        List<String> members = options.members();
        String clusterName = options.clusterName();
        if (members.isEmpty()) {
            embedded = EmbeddedGrid.start(CatalogLoader.loadDefault(), options.embeddedMembers(),
                    options.memoryLimitBytes());
            members = embedded.addresses();
            clusterName = embedded.clusterName();
        }
        try {
            GridClientSettings settings = GridClientSettings.defaults()
                .withCluster(clusterName, members)
                .withCatalog(clientCatalog, Clock.systemUTC());
            return new GridTarget(name, GridClient.connect(settings, new SimpleMeterRegistry()), embedded);
        }
        catch (RuntimeException ex) {
            if (embedded != null) {
                embedded.close();
            }
            throw ex;
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

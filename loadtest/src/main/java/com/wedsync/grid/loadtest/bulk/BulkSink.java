package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import java.util.List;
import java.util.Map;

/**
 * Where a bulk load writes: one call per batch, returning when the target has
 * acknowledged every value of it.
 */
public interface BulkSink extends AutoCloseable {

    /**
     * Returns the target's name, as reports show it.
     * @return the name
     */
    String name();

    /**
     * Writes one batch and waits until it is acknowledged.
     * @param batch the values by key
     * @throws RuntimeException if the target refused or did not acknowledge the batch
     */
    void write(Map<WeddingKey, byte[]> batch);

    /**
     * Returns how many members serve the target, or 0 when it is not a grid.
     * @return the member count
     */
    int members();

    /**
     * Returns the target's own processes to record beside the generator and any started
     * members (redis-server).
     * @return the processes; none by default
     */
    default List<ProcessSource> processes() {
        return List.of();
    }

    @Override
    void close();

}

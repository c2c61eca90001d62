package com.wedsync.grid.loadtest.bulk;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.RedisTarget;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bulk writes to Redis the fast way Lettuce offers: a batch of
 * {@code SET key value PX ttl} commands pipelined on one connection (auto-flush off, one
 * flush per batch), then waiting for every reply. Keys are those of the {@code redis}
 * load-test target ({@link RedisTarget#key}); the TTL is the class's base TTL, as that
 * target's.
 */
final class RedisBulkSink implements BulkSink {

    private final RedisTarget keys;

    private final RedisClient client;

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final RedisAsyncCommands<byte[], byte[]> commands;

    private final DataClass dataClass;

    private final SetArgs expiry;

    private RedisBulkSink(RedisTarget keys, RedisClient client, StatefulRedisConnection<byte[], byte[]> connection,
            DataClass dataClass, Duration ttl) {
        this.keys = keys;
        this.client = client;
        this.connection = connection;
        this.commands = connection.async();
        this.dataClass = dataClass;
        this.expiry = SetArgs.Builder.px(ttl.toMillis());
        connection.setAutoFlushCommands(false);
    }

    /**
     * Connects to a Redis server.
     * @param uri the server
     * @param catalog where the class's TTL comes from
     * @param dataClass the class whose keys and TTL the values get
     * @return the sink
     * @throws IllegalArgumentException if the URI is not a Redis URI
     * @throws IllegalStateException if the server cannot be reached
     */
    static RedisBulkSink open(String uri, Catalog catalog, DataClass dataClass) {
        RedisTarget keys = RedisTarget.connect(uri, catalog);
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(RedisTarget.TIMEOUT);
        RedisClient client = RedisClient.create(redisUri);
        try {
            return new RedisBulkSink(keys, client, client.connect(ByteArrayCodec.INSTANCE), dataClass,
                    catalog.policy(dataClass).ttl().base());
        }
        catch (RuntimeException ex) {
            client.shutdown();
            keys.close();
            throw new IllegalStateException("could not connect to Redis at " + redisUri.getHost() + ":"
                    + redisUri.getPort() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void write(Map<WeddingKey, byte[]> batch) {
        List<RedisFuture<String>> replies = new ArrayList<>(batch.size());
        batch.forEach(
                (key, value) -> replies.add(this.commands.set(this.keys.key(this.dataClass, key), value, this.expiry)));
        this.connection.flushCommands();
        boolean all = LettuceFutures.awaitAll(RedisTarget.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                replies.toArray(new RedisFuture<?>[0]));
        if (!all) {
            throw new IllegalStateException("Redis did not acknowledge a batch of " + batch.size() + " SETs within "
                    + RedisTarget.TIMEOUT.toSeconds() + " s");
        }
    }

    @Override
    public int members() {
        return 0;
    }

    @Override
    public List<ProcessSource> processes() {
        return this.keys.processes();
    }

    @Override
    public void close() {
        this.connection.close();
        this.client.shutdown();
        this.keys.close();
    }

}

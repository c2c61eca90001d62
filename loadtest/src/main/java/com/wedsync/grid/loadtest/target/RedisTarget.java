package com.wedsync.grid.loadtest.target;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.usage.ProcessSource;
import com.wedsync.grid.loadtest.usage.RedisSource;
import com.wedsync.grid.loadtest.workload.Operation;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A Redis server through Lettuce, the remote-only comparison: every read goes to the
 * server (L2 or a miss), every write is a {@code SET} with the class's base TTL from the
 * catalog as its expiry ({@code PX}).
 *
 * <p>
 * Keys are the UTF-8 bytes of {@code dataClassId:weddingId:itemId}, values the
 * operation's bytes as they are.
 *
 * <p>
 * One connection is shared by all generator threads. Lettuce connections are thread-safe,
 * so this is correct, but synchronous calls from several threads are pipelined over that
 * one connection: a thread's latency includes waiting behind other threads' commands on
 * the socket. That is how a single-connection Redis client behaves in a service too; it
 * is kept that simple on purpose (no connection pool).
 *
 * <p>
 * Connecting and every command are bounded by {@link #TIMEOUT}, so no call waits forever;
 * while disconnected, commands fail at once (and count as errors) instead of queueing.
 */
public final class RedisTarget implements Target {

    /** The bound on connecting and on each command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final RedisCommands<byte[], byte[]> commands;

    private final RedisAsyncCommands<byte[], byte[]> asyncCommands;

    private final Map<DataClass, byte[]> keyPrefixes = new EnumMap<>(DataClass.class);

    private final Map<DataClass, SetArgs> setArgs = new EnumMap<>(DataClass.class);

    private RedisTarget(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection, Catalog catalog) {
        this.client = client;
        this.connection = connection;
        this.commands = connection.sync();
        this.asyncCommands = connection.async();
        for (DataClass dataClass : DataClass.values()) {
            this.keyPrefixes.put(dataClass, (dataClass.id() + ':').getBytes(StandardCharsets.UTF_8));
            long ttlMillis = catalog.policy(dataClass).ttl().base().toMillis();
            this.setArgs.put(dataClass, SetArgs.Builder.px(ttlMillis));
        }
    }

    /**
     * Connects to a Redis server and checks that it answers ({@code PING}).
     * @param uri the server, for example {@code redis://127.0.0.1:6379}
     * @param catalog where the base TTL of each class comes from
     * @return the connected target
     * @throws IllegalArgumentException naming the URI if it is not a Redis URI
     * @throws IllegalStateException naming the URI if the server cannot be reached within
     * {@link #TIMEOUT}
     */
    public static RedisTarget connect(String uri, Catalog catalog) {
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("--redis '" + redacted(uri) + "' is not a Redis URI: " + ex.getMessage(),
                    ex);
        }
        redisUri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
            .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
            .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
        try {
            StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
            try {
                connection.sync().ping();
                return new RedisTarget(client, connection, catalog);
            }
            catch (RuntimeException ex) {
                connection.close();
                throw ex;
            }
        }
        catch (RuntimeException ex) {
            shutdown(client);
            throw new IllegalStateException("could not connect to Redis at " + redacted(uri) + ": " + ex.getMessage(),
                    ex);
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Layer execute(Operation operation) {
        byte[] key = key(operation.dataClass(), operation.key());
        return switch (operation.type()) {
            case GET -> (this.commands.get(key) != null) ? Layer.L2 : Layer.MISS;
            case PUT -> {
                this.commands.set(key, operation.value(), this.setArgs.get(operation.dataClass()));
                yield Layer.WRITE;
            }
        };
    }

    /**
     * Starts one operation through Lettuce's asynchronous API on the shared connection:
     * the same commands as {@link #execute}, completed by Lettuce's event loop, with the
     * same {@link #TIMEOUT} per command.
     * @param operation the operation
     * @return completes with where it was answered, or exceptionally if the command
     * failed or timed out
     */
    @Override
    public CompletionStage<Layer> executeAsync(Operation operation) {
        byte[] key = key(operation.dataClass(), operation.key());
        return switch (operation.type()) {
            case GET -> this.asyncCommands.get(key).thenApply((value) -> (value != null) ? Layer.L2 : Layer.MISS);
            case PUT -> this.asyncCommands.set(key, operation.value(), this.setArgs.get(operation.dataClass()))
                .thenApply((ok) -> Layer.WRITE);
        };
    }

    /**
     * Returns the Redis key of a class's key.
     * @param dataClass the class
     * @param key the wedding key
     * @return the UTF-8 bytes of {@code dataClassId:weddingId:itemId}
     */
    public byte[] key(DataClass dataClass, WeddingKey key) {
        byte[] prefix = this.keyPrefixes.get(dataClass);
        byte[] rest = (key.weddingId() + ':' + key.itemId()).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(rest, 0, bytes, prefix.length, rest.length);
        return bytes;
    }

    @Override
    public List<ProcessSource> processes() {
        return List.of(new RedisSource(() -> this.commands.info()));
    }

    @Override
    public void close() {
        try {
            this.connection.close();
        }
        finally {
            shutdown(this.client);
        }
    }

    private static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
    }

    /** The URI without a password, for messages. */
    private static String redacted(String uri) {
        int scheme = uri.indexOf("://");
        int at = uri.lastIndexOf('@');
        return (scheme >= 0 && at > scheme) ? uri.substring(0, scheme + 3) + "***@" + uri.substring(at + 1) : uri;
    }

}

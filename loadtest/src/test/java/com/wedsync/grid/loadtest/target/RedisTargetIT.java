package com.wedsync.grid.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.catalog.CatalogLoader;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackPorts;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The redis target against a real {@code redis-server} started as a separate process on a
 * free loopback port. Without {@code redis-server} on the PATH the tests are skipped,
 * except under {@code CI=true}, where they fail: {@code .ci/run} installs it.
 */
class RedisTargetIT {

    private static Process server;

    private static String uri;

    private static Path log;

    /** Why the tests are skipped, or {@code null}. */
    private static String skipReason;

    @BeforeAll
    static void startRedisServer() throws IOException {
        Path executable = onPath("redis-server");
        if (executable == null) {
            String message = "redis-server is not on the PATH (install it, e.g. apt-get install -y redis-server)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI=true .ci/run installs it, so this is a failure");
            }
            skipReason = message + "; skipping RedisTargetIT (set CI=true to make this a failure)";
            return;
        }
        int port = LoopbackPorts.freePort();
        uri = "redis://127.0.0.1:" + port;
        log = Files.createTempFile("redis-target-it-", ".log");
        server = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        await("redis-server on port " + port + " answering PING (log: " + log + ")").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> {
                if (!server.isAlive()) {
                    throw new IllegalStateException(
                            "redis-server exited with " + server.exitValue() + ": " + Files.readString(log));
                }
                return answersPing(port);
            });
    }

    /**
     * Skips each test, rather than the class, so that reports count and name the skipped
     * tests.
     */
    @BeforeEach
    void skipWithoutRedisServer() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopRedisServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aReadIsAMissThenAfterAWriteL2() {
        try (Target redis = Targets.open("redis", options(uri))) {
            WeddingKey key = new WeddingKey("w-1", "timeline");

            assertThat(redis.name()).isEqualTo("redis");
            assertThat(redis.execute(get(key))).isEqualTo(Layer.MISS);
            assertThat(redis.execute(new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[2048])))
                .isEqualTo(Layer.WRITE);
            assertThat(redis.execute(get(key))).isEqualTo(Layer.L2);
            assertThat(redis.execute(get(key))).isEqualTo(Layer.L2);
        }
    }

    @Test
    void asynchronouslyAReadIsAMissThenAfterAWriteL2() {
        try (Target redis = Targets.open("redis", options(uri))) {
            WeddingKey key = new WeddingKey("w-3", "timeline");

            assertThat(async(redis, get(key))).isEqualTo(Layer.MISS);
            assertThat(async(redis, new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[2048])))
                .isEqualTo(Layer.WRITE);
            assertThat(async(redis, get(key))).isEqualTo(Layer.L2);
        }
    }

    @Test
    void anAsynchronousWriteExpiresWithTheClassBaseTtl() {
        long baseMillis = CatalogLoader.loadDefault().policy(DataClass.GUEST_INTERACTIONS).ttl().base().toMillis();
        WeddingKey key = new WeddingKey("w-4", "rsvp");
        RedisClient client = RedisClient.create(uri);
        try (RedisTarget redis = RedisTarget.connect(uri, CatalogLoader.loadDefault());
                StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            async(redis, new Operation(OpType.PUT, DataClass.GUEST_INTERACTIONS, key, new byte[16]));

            long pttl = connection.sync().pttl(redis.key(DataClass.GUEST_INTERACTIONS, key));
            assertThat(pttl).isPositive().isLessThanOrEqualTo(baseMillis);
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void aWriteExpiresWithTheClassBaseTtl() {
        long baseMillis = CatalogLoader.loadDefault().policy(DataClass.GUEST_INTERACTIONS).ttl().base().toMillis();
        WeddingKey key = new WeddingKey("w-2", "rsvp");
        RedisClient client = RedisClient.create(uri);
        try (RedisTarget redis = RedisTarget.connect(uri, CatalogLoader.loadDefault());
                StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            redis.execute(new Operation(OpType.PUT, DataClass.GUEST_INTERACTIONS, key, new byte[16]));

            byte[] redisKey = redis.key(DataClass.GUEST_INTERACTIONS, key);
            assertThat(new String(redisKey, StandardCharsets.UTF_8)).isEqualTo("guest_interactions:w-2:rsvp");
            assertThat(connection.sync().pttl(redisKey)).isPositive().isLessThanOrEqualTo(baseMillis);
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void anUnreachableServerIsRefusedNamingTheUri() {
        String nobody = "redis://127.0.0.1:" + LoopbackPorts.freePort();

        assertThatThrownBy(() -> Targets.open("redis", options(nobody))).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("could not connect to Redis at " + nobody);
    }

    private static Targets.TargetOptions options(String redisUri) {
        return new Targets.TargetOptions(List.of(), "", 1, 64L << 20, redisUri);
    }

    private static Layer async(Target target, Operation operation) {
        return target.executeAsync(operation).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Operation get(WeddingKey key) {
        return new Operation(OpType.GET, DataClass.WEDDING_DATA, key, null);
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * A plain-socket PING, so waiting for the server needs no client and logs nothing.
     */
    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        }
        catch (IOException ex) {
            return false;
        }
    }

}

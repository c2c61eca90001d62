package com.example.quotes;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A grid node for the tests: the packaged {@code grid-node.jar}, started with
 * {@code java -jar} in a process of its own, on a cluster name and free ports of its own
 * (the node's {@code GRID_*} environment). Register it with {@code @RegisterExtension} on
 * a static field: it starts before the test class and is destroyed after it, and its log
 * is printed when a test fails. The node goes when JUnit closes the test class's
 * extension context, after every {@code afterAll} callback: after Spring's, which closes
 * the application's context ({@code @DirtiesContext}), so that its {@code GridClient}
 * leaves a live cluster rather than retrying a dead one.
 * <p>
 * The jar is {@code $GRID_NODE_JAR}, or {@code ../../grid-node/target/grid-node.jar} from
 * this project's directory (where the build of the WedSync Grid repository leaves it).
 */
final class GridNode implements BeforeAllCallback, TestWatcher {

    private static final Path DEFAULT_JAR = Path.of("../../grid-node/target/grid-node.jar");

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private static final Duration STOP_WITHIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String clusterName = "vendor-quotes-" + UUID.randomUUID().toString().substring(0, 8);

    private int memberPort;

    private int httpPort;

    private Path log;

    private Process process;

    /** Returns the node's cluster name, one of its own. */
    String clusterName() {
        return this.clusterName;
    }

    /** Returns the member's address, {@code 127.0.0.1:<port>}. */
    String memberAddress() {
        return "127.0.0.1:" + this.memberPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path jar = jar();
        this.memberPort = freePort();
        this.httpPort = freePort();
        this.log = Files.createDirectories(Path.of("target")).resolve("grid-node-" + this.clusterName + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        // Nothing of this JVM's environment may change the node: only the variables set
        // here.
        builder.environment().keySet().removeIf((name) -> name.startsWith("GRID_") || name.contains("JAVA_OPTIONS"));
        builder.environment().put("GRID_CLUSTER_NAME", this.clusterName);
        builder.environment().put("GRID_PORT", String.valueOf(this.memberPort));
        builder.environment().put("GRID_MEMBERS", memberAddress());
        builder.environment().put("GRID_HTTP_PORT", String.valueOf(this.httpPort));
        builder.redirectErrorStream(true).redirectOutput(this.log.toFile());
        this.process = builder.start();
        context.getStore(ExtensionContext.Namespace.create(GridNode.class))
            .put("process", (AutoCloseable) this::destroy);
        try {
            await("grid node ready (GET /actuator/health/readiness on port " + this.httpPort + ")").atMost(READY_WITHIN)
                .pollInterval(Duration.ofMillis(250))
                .failFast("grid node exited", () -> !this.process.isAlive())
                .until(this::ready);
        }
        catch (RuntimeException | Error ex) {
            printLog();
            destroy();
            throw ex;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printLog();
    }

    private static Path jar() {
        String configured = System.getenv("GRID_NODE_JAR");
        Path jar = (configured != null && !configured.isBlank()) ? Path.of(configured) : DEFAULT_JAR;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No grid-node.jar at " + jar.toAbsolutePath().normalize()
                    + ": set GRID_NODE_JAR to the jar, or build the repository first so that " + DEFAULT_JAR
                    + " (relative to " + Path.of("").toAbsolutePath() + ") exists"
                    + ((configured != null) ? " (GRID_NODE_JAR is set to '" + configured + "')" : ""));
        }
        return jar;
    }

    private boolean ready() {
        HttpRequest request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * SIGTERM to the node and whatever it started, SIGKILL to what is left after a while.
     */
    private void destroy() {
        if (this.process == null) {
            return;
        }
        List<ProcessHandle> descendants = this.process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        this.process.destroy();
        try {
            if (!this.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void printLog() {
        if (this.log == null || !Files.exists(this.log)) {
            return;
        }
        try {
            System.out.printf("%n===== grid node log (%s)%n%s%n===== end of grid node log%n", this.log,
                    Files.readString(this.log, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

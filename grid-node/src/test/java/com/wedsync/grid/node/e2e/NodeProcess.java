package com.wedsync.grid.node.e2e;

import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One grid node started from the packaged jar ({@code target/grid-node.jar}) as a
 * separate JVM, with its own environment and its output in {@code target/e2e}. Tests
 * start nodes through {@link Launcher}, which destroys them after each test and prints
 * their output when the test failed.
 */
final class NodeProcess {

    /** The longest one HTTP request may take. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Inherited variables that would change the node (the contract) or its output (the
     * JVM's option banners).
     */
    private static final Set<String> INHERITED_BUT_REMOVED = Set.of("SATURDAY_BOOST_MULTIPLIER",
            "WEDDING_SEASON_MULTIPLIER", "WEDDING_PRIORITY_ENABLED", "CACHE_COMPRESSION_THRESHOLD", "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS");

    /** Nodes not yet destroyed, killed if the test JVM itself goes down. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;

    private final int httpPort;

    private final Path stdout;

    private final Path stderr;

    private final long startNanos;

    private final Process process;

    private NodeProcess(String name, Map<String, String> env, List<String> command) throws IOException {
        this.name = name;
        this.httpPort = Integer.parseInt(env.getOrDefault("GRID_HTTP_PORT", "8080"));
        Path dir = Files.createDirectories(buildDir().resolve("e2e"));
        this.stdout = dir.resolve(name + ".out.log");
        this.stderr = dir.resolve(name + ".err.log");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
            .keySet()
            .removeIf((key) -> key.startsWith("GRID_") || INHERITED_BUT_REMOVED.contains(key));
        builder.environment().putAll(env);
        builder.redirectOutput(this.stdout.toFile()).redirectError(this.stderr.toFile());
        this.startNanos = System.nanoTime();
        this.process = builder.start();
        LIVE.add(this.process);
    }

    /** Returns the module's build directory (failsafe runs in the module directory). */
    static Path buildDir() {
        return Path.of(System.getProperty("grid.node.build.dir",
                Path.of(System.getProperty("user.dir"), "target").toString()));
    }

    /** Returns the shipped launcher, {@code bin/grid-node} of the module. */
    static Path launcher() {
        return buildDir().getParent().resolve("bin").resolve("grid-node");
    }

    /**
     * Returns the JVM options every launch ships with, {@code jvm.options} of the module.
     */
    static Path jvmOptions() {
        return buildDir().getParent().resolve("jvm.options");
    }

    /**
     * Returns the flags of {@code jvm.options}, as the launcher reads them: comments and
     * blank lines left out.
     * @return the flags
     */
    static List<String> shippedFlags() {
        try {
            return Files.readAllLines(jvmOptions())
                .stream()
                .map((line) -> line.replaceAll("#.*", "").strip())
                .filter((line) -> !line.isEmpty())
                .flatMap((line) -> Arrays.stream(line.split("\\s+")))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Returns the packaged jar under test. */
    static Path jar() {
        return buildDir().resolve("grid-node.jar");
    }

    String name() {
        return this.name;
    }

    int httpPort() {
        return this.httpPort;
    }

    /**
     * Sends a GET to the node's HTTP port.
     * @param path for example {@code /actuator/health}
     * @param authorization the {@code Authorization} header, or {@code null} for none
     * @return the response
     */
    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path))
            .timeout(HTTP_TIMEOUT)
            .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("GET " + path + " on " + this.name + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> get(String path) {
        return get(path, null);
    }

    /**
     * Waits until the readiness probe answers 200, failing at once if the process exits.
     * @param atMost how long to wait
     * @return the time from process start to readiness
     */
    Duration awaitReady(Duration atMost) {
        await(this.name + " ready").atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .failFast(this.name + " exited before it was ready", () -> !this.process.isAlive())
            .until(() -> probe("/actuator/health/readiness").map((r) -> r.statusCode() == 200).orElse(false));
        Duration took = Duration.ofNanos(System.nanoTime() - this.startNanos);
        System.out.printf("[e2e] %s ready %d ms after process start%n", this.name, took.toMillis());
        return took;
    }

    /**
     * Waits until the node's output contains a text, failing at once if the process
     * exits.
     * @param text the text
     * @param atMost how long to wait
     */
    void awaitOutput(String text, Duration atMost) {
        await(this.name + " logs '" + text + "'").atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .failFast(this.name + " exited", () -> !this.process.isAlive())
            .until(() -> output().contains(text));
    }

    /**
     * Reads one sample of a Prometheus series from {@code /actuator/prometheus}.
     * @param series the metric name, for example {@code grid_cluster_members}
     * @param label a label it must carry, for example {@code map="wedding_data"}, or
     * {@code null}
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the value, empty if no such sample is exposed
     */
    OptionalDouble scrape(String series, String label, String authorization) {
        HttpResponse<String> response = get("/actuator/prometheus", authorization);
        if (response.statusCode() != 200) {
            throw new AssertionError("/actuator/prometheus on " + this.name + " answered " + response.statusCode());
        }
        return sample(response.body(), series, label);
    }

    /**
     * Finds one sample of a series in a Prometheus exposition.
     * @param exposition the text of {@code /actuator/prometheus}
     * @param series the metric name
     * @param label a label it must carry, or {@code null}
     * @return the value, empty if there is no such sample
     */
    static OptionalDouble sample(String exposition, String series, String label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(series) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(exposition);
        while (matcher.find()) {
            if (label == null || matcher.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(matcher.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Sends SIGTERM and waits for the process to exit.
     * @param atMost how long to wait
     * @return the exit code
     */
    int terminate(Duration atMost) {
        this.process.destroy();
        return awaitExit(atMost);
    }

    /**
     * Sends SIGSTOP: the process stops where it is, its sockets stay open and nothing
     * answers on them, as a member in a long pause, a hung VM or a host cut off the
     * network behaves.
     */
    void freeze() {
        signal("STOP");
    }

    /** Sends SIGCONT: a frozen process runs on from where it stopped. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(this.process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + this.process.pid() + " failed");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending SIG" + name, ex);
        }
    }

    /**
     * Sends SIGKILL and waits for the process to exit: the member gets no chance to hand
     * over its partitions.
     * @param atMost how long to wait
     * @return the exit code
     */
    int kill(Duration atMost) {
        this.process.destroyForcibly();
        return awaitExit(atMost);
    }

    /**
     * Waits for the process to exit on its own.
     * @param atMost how long to wait
     * @return the exit code
     * @throws AssertionError if it is still running
     */
    int awaitExit(Duration atMost) {
        try {
            if (!this.process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(this.name + " did not exit within " + atMost);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        LIVE.remove(this.process);
        return this.process.exitValue();
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    String stdout() {
        return read(this.stdout);
    }

    String stderr() {
        return read(this.stderr);
    }

    /**
     * Returns the running process's arguments as the kernel has them (after a launcher's
     * exec, the JVM's).
     * @return the arguments, without the command itself
     */
    String[] arguments() {
        return this.process.info()
            .arguments()
            .orElseThrow(() -> new AssertionError(this.name + "'s arguments cannot be read"));
    }

    /** Returns standard output followed by standard error. */
    String output() {
        return stdout() + stderr();
    }

    /** Ends the process: SIGTERM, and SIGKILL if it has not exited 15 s later. */
    void destroy() throws InterruptedException {
        if (this.process.isAlive()) {
            this.process.destroy();
            if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        LIVE.remove(this.process);
    }

    private Optional<HttpResponse<String>> probe(String path) {
        try {
            return Optional.of(get(path));
        }
        catch (UncheckedIOException ex) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Starts nodes for a test and owns them: register with {@code @RegisterExtension} on
     * a static field (so that parameterized tests are watched too). After each test it
     * destroys every node it started; when the test failed it prints their output.
     */
    static final class Launcher implements AfterEachCallback, TestWatcher {

        private final List<NodeProcess> nodes = new ArrayList<>();

        /**
         * Returns the environment of a node of its own: a unique cluster name, free
         * member and HTTP ports, and the member list naming its own port. Mutable, so a
         * test can add or remove variables.
         * @param name what the test calls the node
         * @return the environment
         */
        Map<String, String> environment(String name) {
            int port = LoopbackPorts.freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("GRID_CLUSTER_NAME", "e2e-" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
            env.put("GRID_PORT", String.valueOf(port));
            env.put("GRID_HTTP_PORT", String.valueOf(LoopbackPorts.freePort()));
            env.put("GRID_MEMBERS", "127.0.0.1:" + port);
            return env;
        }

        /**
         * Starts a node.
         * @param name what the test calls the node; names its log files
         * @param env its whole {@code GRID_*} environment
         * @return the running process
         */
        NodeProcess start(String name, Map<String, String> env) {
            if (!Files.isRegularFile(jar())) {
                throw new IllegalStateException(jar() + " is missing: run the ITs with 'mvn verify' (after package)");
            }
            // The shipped flags of jvm.options first, as every launch has them;
            // TieredStopAtLevel=1 only shortens start-up on this 2-CPU machine; the
            // module flags come from the jar's manifest, as in production.
            List<String> javaArgs = new ArrayList<>(shippedFlags());
            javaArgs.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
            return start(name, env, javaArgs);
        }

        /**
         * Starts a node with other JVM arguments.
         * @param name what the test calls the node; names its log files
         * @param env its whole {@code GRID_*} environment
         * @param javaArgs everything after {@code java} on the command line
         * @return the running process
         */
        NodeProcess start(String name, Map<String, String> env, List<String> javaArgs) {
            return start(name, env, List.of(), javaArgs);
        }

        /**
         * Starts a node through a launcher that execs its arguments, for example
         * {@code ip netns exec <ns>}: the process is then the JVM itself, so signals
         * reach it.
         * @param name what the test calls the node; names its log files
         * @param env its whole {@code GRID_*} environment
         * @param prefix the launcher's command line, before {@code java}
         * @param javaArgs everything after {@code java} on the command line
         * @return the running process
         */
        NodeProcess start(String name, Map<String, String> env, List<String> prefix, List<String> javaArgs) {
            List<String> command = new ArrayList<>(prefix);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaArgs);
            return run(name, env, command);
        }

        /**
         * Starts a node as deployments do, through the shipped launcher
         * ({@code sh bin/grid-node}) on this JVM's Java; it execs the JVM, so the process
         * is the JVM itself.
         * @param name what the test calls the node; names its log files
         * @param env its whole environment: {@code GRID_*}, and {@code JAVA_OPTS} or
         * {@code GRID_NODE_JAR} if wanted
         * @return the running process
         */
        NodeProcess startWithLauncher(String name, Map<String, String> env) {
            Map<String, String> withJava = new LinkedHashMap<>(env);
            withJava.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            return run(name, withJava, List.of("sh", launcher().toString()));
        }

        private NodeProcess run(String name, Map<String, String> env, List<String> command) {
            try {
                NodeProcess node = new NodeProcess(name, Map.copyOf(env), command);
                this.nodes.add(node);
                return node;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot start " + name, ex);
            }
        }

        @Override
        public void afterEach(ExtensionContext context) throws InterruptedException {
            for (NodeProcess node : this.nodes) {
                node.destroy();
            }
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (NodeProcess node : this.nodes) {
                System.out.printf("%n===== %s: stdout (%s)%n%s%n===== %s: stderr (%s)%n%s%n", node.name, node.stdout,
                        node.stdout(), node.name, node.stderr, node.stderr());
            }
            this.nodes.clear();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            this.nodes.clear();
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            this.nodes.clear();
        }

    }

}

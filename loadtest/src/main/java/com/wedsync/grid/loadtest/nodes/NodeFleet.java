package com.wedsync.grid.loadtest.nodes;

import com.wedsync.grid.config.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Grid members as users deploy them: one {@code grid-node.jar} process each, started
 * through the shipped launcher with a cluster name of their own on free loopback ports,
 * stopped by their own process ids when the fleet is closed, when starting fails, or when
 * the JVM that started them exits (Ctrl-C included).
 */
public final class NodeFleet implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    static {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "loadtest-node-reaper"));
    }

    private final NodeLaunch launch;

    private final String clusterName;

    private final String adminToken;

    private final List<Member> members;

    private final AtomicInteger launched = new AtomicInteger();

    private NodeFleet(NodeLaunch launch, String clusterName, String adminToken, List<Member> members) {
        this.launch = launch;
        this.clusterName = clusterName;
        this.adminToken = adminToken;
        this.members = members;
    }

    /**
     * One running member.
     *
     * @param name {@code member-1}, {@code member-2}, ...
     * @param port the member port
     * @param httpPort the actuator's port
     * @param process the JVM
     * @param log the file with its output
     */
    public record Member(String name, int port, int httpPort, Process process, Path log) {

        /**
         * Returns the member's process id.
         * @return the pid
         */
        public long pid() {
            return this.process.pid();
        }
    }

    /**
     * Starts the members and waits until every one is ready (joined, cluster safe).
     * @param launch how
     * @return the running fleet
     * @throws IllegalStateException naming the member and its log if one exits or is not
     * ready in time; every member started is stopped first
     */
    public static NodeFleet start(NodeLaunch launch) {
        SecureRandom random = new SecureRandom();
        String clusterName = "loadtest-" + HexFormat.of().formatHex(random.generateSeed(4));
        String token = HexFormat.of().formatHex(random.generateSeed(16));
        // Member i takes the span's ports 2i (members) and 2i + 1 (HTTP), all free when
        // the span was found.
        int first = LoopbackPorts.freeSpan(2 * launch.members());
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < launch.members(); i++) {
            ports.add(new int[] { first + 2 * i, first + 2 * i + 1 });
        }
        String memberList = ports.stream().map((p) -> "127.0.0.1:" + p[0]).collect(Collectors.joining(","));
        List<Member> started = new CopyOnWriteArrayList<>();
        NodeFleet fleet = new NodeFleet(launch, clusterName, token, started);
        try {
            Files.createDirectories(launch.logFolder());
            for (int i = 0; i < ports.size(); i++) {
                started.add(fleet.launch(ports.get(i)[0], ports.get(i)[1], memberList));
            }
            for (Member member : started) {
                fleet.awaitReady(member);
            }
            return fleet;
        }
        catch (IOException | RuntimeException ex) {
            fleet.close();
            if (ex instanceof IOException io) {
                throw new UncheckedIOException("cannot start the grid-node members: " + io.getMessage(), io);
            }
            throw (RuntimeException) ex;
        }
    }

    /**
     * Returns the members' {@code host:port} addresses.
     * @return one per member
     */
    public List<String> addresses() {
        return this.members.stream().map((m) -> "127.0.0.1:" + m.port()).toList();
    }

    /**
     * Returns the cluster's name.
     * @return a name of this fleet's own
     */
    public String clusterName() {
        return this.clusterName;
    }

    /**
     * Returns the running members.
     * @return in start order
     */
    public List<Member> members() {
        return List.copyOf(this.members);
    }

    /**
     * Returns how the members were launched.
     * @return the launch
     */
    public NodeLaunch launch() {
        return this.launch;
    }

    /**
     * Reads a member's {@code /actuator/prometheus}, with the fleet's admin token.
     * @param member the member
     * @return the exposition text
     * @throws IllegalStateException naming the member if it does not answer 200 within 5
     * s
     */
    public String scrape(Member member) {
        return read(member, "/actuator/prometheus");
    }

    /**
     * Reads one of a member's actuator endpoints, with the fleet's admin token.
     * @param member the member
     * @param path the path, for example {@code /actuator/scaling}
     * @return the body
     * @throws IllegalStateException naming the member and the path if it does not answer
     * 200 within 5 s
     */
    public String read(Member member, String path) {
        HttpResponse<String> response = get(member, path, true);
        if (response == null || response.statusCode() != 200) {
            throw new IllegalStateException(path + " on " + member.name() + " answered "
                    + ((response == null) ? "nothing" : response.statusCode()));
        }
        return response.body();
    }

    /**
     * Starts one member more, which joins the running ones, and waits until it is ready
     * (joined, cluster safe), as a scale-out does.
     * @return the new member, last in {@link #members()}
     * @throws IllegalStateException naming the member and its log if it exits or is not
     * ready within the launch's ready timeout; it is stopped first
     */
    public Member addMember() {
        if (this.members.size() >= NodeLaunch.MAX_MEMBERS) {
            throw new IllegalStateException("a fleet runs at most " + NodeLaunch.MAX_MEMBERS + " members");
        }
        int first = LoopbackPorts.freeSpan(2);
        // The new member looks for the running ones (and itself); they need not know it
        // beforehand.
        String memberList = this.members.stream()
            .map((m) -> "127.0.0.1:" + m.port())
            .collect(Collectors.joining(",", "", ",127.0.0.1:" + first));
        Member member;
        try {
            member = launch(first, first + 1, memberList);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start a grid-node member: " + ex.getMessage(), ex);
        }
        try {
            awaitReady(member);
        }
        catch (RuntimeException ex) {
            member.process().destroyForcibly();
            LIVE.remove(member.process());
            throw ex;
        }
        this.members.add(member);
        return member;
    }

    /**
     * Stops the newest member gracefully (SIGTERM: the node migrates its partitions away
     * before it exits), as a scale-in does, and waits until its process has exited.
     * @param timeout how long it may take; after that it is killed
     * @return the stopped member
     * @throws IllegalStateException if only one member is left, or naming the member if
     * it had to be killed
     */
    public Member stopNewest(Duration timeout) {
        if (this.members.size() <= 1) {
            throw new IllegalStateException("the fleet's last member is not stopped before the fleet is closed");
        }
        Member member = this.members.get(this.members.size() - 1);
        member.process().destroy();
        boolean exited;
        try {
            exited = member.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            member.process().destroyForcibly();
        }
        this.members.remove(member);
        LIVE.remove(member.process());
        if (!exited) {
            throw new IllegalStateException("grid-node " + member.name() + " did not exit within " + timeout.toSeconds()
                    + " s of SIGTERM and was killed (log: " + member.log() + ")");
        }
        return member;
    }

    /**
     * Stops every member at once (SIGKILL): a benchmark's data is not worth a graceful
     * hand-over.
     */
    @Override
    public void close() {
        for (Member member : this.members) {
            member.process().destroyForcibly();
        }
        for (Member member : this.members) {
            try {
                member.process().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(member.process());
        }
    }

    private Member launch(int port, int httpPort, String memberList) throws IOException {
        String name = "member-" + this.launched.incrementAndGet();
        Path log = this.launch.logFolder().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("sh", this.launch.launcher().toString());
        // The fleet's own contract values, nothing inherited that would change the node
        // or its JVM.
        builder.environment()
            .keySet()
            .removeIf((key) -> key.startsWith("GRID_") || key.equals("JAVA_TOOL_OPTIONS")
                    || key.equals("JDK_JAVA_OPTIONS") || key.equals("_JAVA_OPTIONS") || key.equals("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", this.launch.javaHome().toString());
        builder.environment().put("JAVA_OPTS", this.launch.javaOpts());
        builder.environment().put("GRID_NODE_JAR", this.launch.jar().toAbsolutePath().toString());
        builder.environment().put("GRID_CLUSTER_NAME", this.clusterName);
        builder.environment().put("GRID_MEMBERS", memberList);
        builder.environment().put("GRID_PORT", Integer.toString(port));
        builder.environment().put("GRID_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("GRID_BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("GRID_ADMIN_TOKEN", this.adminToken);
        builder.environment().put("GRID_MEMORY_LIMIT", this.launch.memoryLimitMib() + "m");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        LIVE.add(process);
        return new Member(name, port, httpPort, process, log);
    }

    private void awaitReady(Member member) {
        long deadline = System.nanoTime() + this.launch.readyTimeout().toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!member.process().isAlive()) {
                throw new IllegalStateException(
                        "grid-node " + member.name() + " exited with code " + member.process().exitValue()
                                + " before it was ready: " + lastLine(member.log()) + " (log: " + member.log() + ")");
            }
            HttpResponse<String> response = get(member, "/actuator/health/readiness", false);
            if (response != null && response.statusCode() == 200) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            if (Thread.interrupted()) {
                throw new IllegalStateException("interrupted while waiting for grid-node " + member.name());
            }
        }
        throw new IllegalStateException("grid-node " + member.name() + " was not ready within "
                + this.launch.readyTimeout().toSeconds() + " s (log: " + member.log() + ")");
    }

    private HttpResponse<String> get(Member member, String path, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + member.httpPort() + path))
            .timeout(HTTP_TIMEOUT)
            .GET();
        if (authorized) {
            request.header("Authorization", "Bearer " + this.adminToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(no output)";
        }
        catch (IOException | RuntimeException ex) {
            return "(its log cannot be read: " + ex.getMessage() + ")";
        }
    }

}

package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.wedsync.grid.client.GridClient;
import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.catalog.DataClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cluster of grid-node.jar processes on loopback for chaos tests: N members with a
 * cluster name of their own, distinct free member and HTTP ports and one member list
 * naming them all. Member {@code i} can be sent SIGTERM or SIGKILL and started again on
 * the same ports. The processes belong to the test's {@link NodeProcess.Launcher}, which
 * destroys them after the test.
 */
final class ChaosCluster {

    /** The longest a member may take from launch to readiness on 2 busy cores. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * The longest the members may take to agree on the member list and to finish
     * migrating.
     */
    static final Duration SAFE_TIMEOUT = Duration.ofSeconds(60);

    private static final long PARTITIONS = 271;

    private final NodeProcess.Launcher launcher;

    private final String name;

    private final List<Map<String, String>> environments;

    private final NodeProcess[] members;

    private final int[] launches;

    private ChaosCluster(NodeProcess.Launcher launcher, String name, List<Map<String, String>> environments) {
        this.launcher = launcher;
        this.name = name;
        this.environments = environments;
        this.members = new NodeProcess[environments.size()];
        this.launches = new int[environments.size()];
    }

    /**
     * Starts the members and waits until each is ready and sees all of them. The first
     * member starts alone, so the others join it rather than forming clusters of their
     * own and merging later.
     * @param launcher the test's launcher
     * @param name what the test calls the cluster; names the log files
     * @param size how many members
     * @param extra variables every member gets besides the cluster's own (for example
     * {@code GRID_MEMORY_LIMIT})
     * @return the running cluster
     */
    static ChaosCluster start(NodeProcess.Launcher launcher, String name, int size, Map<String, String> extra) {
        String clusterName = "chaos-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> environments = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> env = new LinkedHashMap<>(launcher.environment(name + "-" + i));
            env.putAll(extra);
            env.put("GRID_CLUSTER_NAME", clusterName);
            environments.add(env);
        }
        ChaosCluster cluster = new ChaosCluster(launcher, name, environments);
        String memberList = String.join(",", cluster.addresses());
        environments.forEach((env) -> env.put("GRID_MEMBERS", memberList));
        cluster.launch(0).awaitOutput(" is STARTED", START_TIMEOUT);
        IntStream.range(1, size).forEach(cluster::launch);
        cluster.awaitSafe();
        return cluster;
    }

    int size() {
        return this.members.length;
    }

    NodeProcess member(int index) {
        return this.members[index];
    }

    /** Returns the cluster's name. */
    String clusterName() {
        return this.environments.get(0).get("GRID_CLUSTER_NAME");
    }

    /** Returns {@code 127.0.0.1:port} of every member, running or not. */
    List<String> addresses() {
        return this.environments.stream().map((env) -> "127.0.0.1:" + env.get("GRID_PORT")).toList();
    }

    /**
     * Returns client settings for this cluster: the defaults of grid-client with this
     * cluster's name and members.
     * @return the settings
     */
    GridClientSettings clientSettings() {
        return GridClientSettings.defaults().withCluster(clusterName(), addresses());
    }

    /**
     * Runs the profile's cycles with one client, as a service would keep it, and one
     * ledger, so each read-back covers every write acknowledged so far. A cycle runs the
     * load, disrupts one member once some writes are acknowledged, waits for the load to
     * end, then hands over to the test's check. The cycles take the members in the order
     * 2 (the newest), 0 (the master), 1.
     * @param profile the load and how many cycles
     * @param fault what happens to the member; returns the process's exit code
     * @param check what the test asserts and does after the load (a restart, for example)
     */
    void runCycles(ChaosProfile profile, IntUnaryOperator fault, Check check) throws InterruptedException {
        try (GridClient client = GridClient.connect(clientSettings(), new SimpleMeterRegistry())) {
            runCycles(ChaosLoad.Store.of(client.region(DataClass.WEDDING_DATA, String.class)), profile, fault, check);
        }
    }

    /**
     * Runs the profile's cycles as
     * {@link #runCycles(ChaosProfile, IntUnaryOperator, Check)} does, through a store of
     * the caller's (a plain Hazelcast client's map, say).
     * @param store wedding data, as the service under test reaches it
     * @param profile the load and how many cycles
     * @param fault what happens to the member; returns the process's exit code
     * @param check what the test asserts and does after the load
     */
    void runCycles(ChaosLoad.Store store, ChaosProfile profile, IntUnaryOperator fault, Check check)
            throws InterruptedException {
        ChaosLedger ledger = new ChaosLedger();
        for (int i = 0; i < profile.cycles(); i++) {
            int member = new int[] { 2, 0, 1 }[i % 3] % size();
            long[] outcome = new long[2];
            ChaosLoad.Result result = ChaosLoad.around(store, ledger, profile.load(), profile.writesBeforeFault(),
                    () -> {
                        System.out.printf("[chaos] %s: fault to member %d at %s%n", this.name, member, Instant.now());
                        long start = System.nanoTime();
                        outcome[0] = fault.applyAsInt(member);
                        outcome[1] = System.nanoTime() - start;
                    });
            check.check(new Cycle(i, member, (int) outcome[0], Duration.ofNanos(outcome[1]), result, ledger));
        }
    }

    /**
     * Reads back every acknowledged write through a client of its own: its near cache has
     * never seen these keys, so every answer comes from a member.
     * @param ledger the writes
     * @return how many were acknowledged and which were lost
     */
    ChaosLedger.Verification verify(ChaosLedger ledger) {
        return verify(ledger, Duration.ZERO);
    }

    /**
     * Reads back every acknowledged write through a client of its own, reading a batch
     * whose read failed again for at most {@code retryFor} (ChaosLedger#verify).
     * @param ledger the writes
     * @param retryFor how long a batch may stay unreadable before its writes count as
     * lost
     * @return how many were acknowledged and which were lost
     */
    ChaosLedger.Verification verify(ChaosLedger ledger, Duration retryFor) {
        try (GridClient fresh = GridClient.connect(clientSettings(), new SimpleMeterRegistry())) {
            return ledger.verify(fresh.region(DataClass.WEDDING_DATA, String.class), retryFor);
        }
    }

    /**
     * Sends member {@code i} SIGKILL and waits until the process is gone: no shutdown
     * hook, no hand-over.
     * @param index the member
     * @return the exit code
     */
    int kill(int index) {
        return this.members[index].kill(Duration.ofSeconds(30));
    }

    /**
     * Returns the member addresses member {@code i} sees in its cluster.
     * @param index the member, which must answer HTTP
     * @return the addresses, empty if it does not answer
     */
    List<String> membersSeenBy(int index) {
        HttpResponse<String> response = this.members[index].get("/actuator/cluster");
        return (response.statusCode() == 200) ? JsonPath.read(response.body(), "$.members[*].address") : List.of();
    }

    /**
     * Sends member {@code i} SIGTERM and waits until it has handed over its partitions
     * and exited.
     * @param index the member
     * @return the exit code
     */
    int terminate(int index) {
        return this.members[index].terminate(Duration.ofSeconds(90));
    }

    /**
     * Starts member {@code i} again on the same member and HTTP ports, and waits until
     * the cluster is safe.
     * @param index the member, which must have exited
     * @return the time from the launch until the cluster was safe
     */
    Duration restart(int index) {
        assertThat(this.members[index].isAlive()).as("member %d is still running", index).isFalse();
        long start = System.nanoTime();
        launch(index);
        awaitSafe();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Waits until every running member is ready (joined, no migration, its replicas in
     * sync), sees exactly the running members, and listens on its own port; then until
     * all 271 partitions are owned among them.
     * @return how long that took
     */
    Duration awaitSafe() {
        long start = System.nanoTime();
        List<Integer> running = IntStream.range(0, size())
            .filter((i) -> this.members[i] != null && this.members[i].isAlive())
            .boxed()
            .toList();
        Set<String> addresses = running.stream().map((i) -> addresses().get(i)).collect(Collectors.toSet());
        for (int i : running) {
            this.members[i].awaitReady(START_TIMEOUT);
        }
        await(this.name + " safe with members " + addresses).atMost(SAFE_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .ignoreException(UncheckedIOException.class)
            .until(() -> running.stream().allMatch((i) -> isSafe(this.members[i], addresses)));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * What one cycle did.
     *
     * @param number the cycle, from 0
     * @param member the member disrupted
     * @param exitCode the member's exit code
     * @param faultTook how long the fault took, until the process had exited
     * @param result what the load saw
     * @param ledger the writes of all cycles so far
     */
    record Cycle(int number, int member, int exitCode, Duration faultTook, ChaosLoad.Result result,
            ChaosLedger ledger) {
    }

    /** What a test checks after a cycle. */
    @FunctionalInterface
    interface Check {

        void check(Cycle cycle) throws InterruptedException;

    }

    private static boolean isSafe(NodeProcess member, Set<String> addresses) {
        HttpResponse<String> response = member.get("/actuator/cluster");
        if (response.statusCode() != 200 || member.get("/actuator/health/readiness").statusCode() != 200) {
            return false;
        }
        List<String> seen = JsonPath.read(response.body(), "$.members[*].address");
        List<Number> owned = JsonPath.read(response.body(), "$.members[*].ownedPartitions");
        boolean safe = JsonPath.read(response.body(), "$.localMemberSafe");
        return safe && Set.copyOf(seen).equals(addresses) && seen.size() == addresses.size()
                && owned.stream().mapToLong(Number::longValue).sum() == PARTITIONS;
    }

    private NodeProcess launch(int index) {
        int launch = ++this.launches[index];
        String process = this.name + "-" + index + ((launch > 1) ? "-run" + launch : "");
        NodeProcess member = this.launcher.start(process, this.environments.get(index));
        this.members[index] = member;
        return member;
    }

}

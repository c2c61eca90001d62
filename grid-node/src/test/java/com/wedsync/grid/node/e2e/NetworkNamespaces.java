package com.wedsync.grid.node.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Linux network namespaces for end-to-end tests, one per host: each has a veth pair to a
 * bridge in the root namespace on a private /24 chosen per run, so the test process
 * reaches every host through the bridge. {@link #cut} drops the traffic between two hosts
 * for real (a blackhole route in the sender's namespace) and {@link #mend} restores it.
 * Needs root and iproute2's {@code ip}. {@link #close} removes every namespace, link and
 * route it created, also when the test JVM goes down first. {@link #create} checks that
 * the hosts reach each other across the bridge before it returns, so a host firewall that
 * drops bridged traffic fails the test at once, not when a cluster never forms.
 */
final class NetworkNamespaces implements AutoCloseable {

    /** The longest one {@code ip} command may take. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The longest a TCP connect across the bridge may take before the hosts count as cut
     * off from each other.
     */
    private static final int PROBE_SECONDS = 3;

    /**
     * A port nothing listens on in a new namespace: a reachable host answers a connect
     * with a reset.
     */
    private static final int CLOSED_PORT = 9;

    private final String prefix = "sb" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));

    private final String subnet = freeSubnet();

    private final List<String> namespaces = new ArrayList<>();

    private final Deque<List<String>> undo = new ArrayDeque<>();

    private final Thread shutdownHook = new Thread(this::close);

    private NetworkNamespaces() {
        Runtime.getRuntime().addShutdownHook(this.shutdownHook);
    }

    /**
     * Creates a bridge and {@code hosts} namespaces attached to it.
     * @param hosts how many namespaces
     * @return the namespaces, to be closed by the caller
     * @throws Unavailable if namespaces cannot be created here (not root, or no
     * {@code ip})
     */
    static NetworkNamespaces create(int hosts) {
        NetworkNamespaces net = null;
        try {
            net = new NetworkNamespaces();
            net.addNamespace(0);
        }
        catch (IllegalStateException ex) {
            if (net != null) {
                net.close();
            }
            throw new Unavailable(ex.getMessage(), ex);
        }
        try {
            String bridge = net.prefix + "br";
            net.create(List.of("ip", "link", "add", bridge, "type", "bridge"), List.of("ip", "link", "del", bridge));
            run("ip", "addr", "add", net.subnet + ".1/24", "dev", bridge);
            run("ip", "link", "set", bridge, "up");
            for (int host = 0; host < hosts; host++) {
                if (host > 0) {
                    net.addNamespace(host);
                }
                net.attach(host, bridge);
            }
            if (hosts > 1) {
                net.checkReach(0, hosts - 1);
            }
            return net;
        }
        catch (RuntimeException ex) {
            net.close();
            throw ex;
        }
    }

    /**
     * Returns the command line that runs a program in a host's namespace (it execs the
     * program).
     * @param host the host's index
     * @return {@code ip netns exec <namespace>}
     */
    List<String> exec(int host) {
        return List.of("ip", "netns", "exec", this.namespaces.get(host));
    }

    /**
     * Returns a host's address on the bridge, reachable from the root namespace.
     * @param host the host's index
     * @return the IPv4 address
     */
    String address(int host) {
        return this.subnet + "." + (11 + host);
    }

    /**
     * Drops every packet {@code from} sends to {@code to} (both ways takes two calls).
     * @param from the sender's index
     * @param to the receiver's index
     */
    void cut(int from, int to) {
        List<String> route = List.of("route", "blackhole", address(to) + "/32");
        create(ipIn(from, "add", route), ipIn(from, "del", route));
    }

    /**
     * Restores what {@link #cut} dropped.
     * @param from the sender's index
     * @param to the receiver's index
     */
    synchronized void mend(int from, int to) {
        List<String> del = ipIn(from, "del", List.of("route", "blackhole", address(to) + "/32"));
        run(del.toArray(String[]::new));
        this.undo.remove(del);
    }

    /**
     * Removes everything created, newest first; a step that fails does not stop the
     * others.
     */
    @Override
    public synchronized void close() {
        List<String> failures = new ArrayList<>();
        while (!this.undo.isEmpty()) {
            List<String> command = this.undo.pop();
            try {
                run(command.toArray(String[]::new));
            }
            catch (IllegalStateException ex) {
                failures.add(ex.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
        }
        catch (IllegalStateException ex) {
            // The JVM is already shutting down: this is the hook.
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cleanup of " + this.prefix + " left something behind: " + failures);
        }
    }

    private void addNamespace(int host) {
        String namespace = this.prefix + "-" + host;
        create(List.of("ip", "netns", "add", namespace), List.of("ip", "netns", "del", namespace));
        this.namespaces.add(namespace);
    }

    private void attach(int host, String bridge) {
        String namespace = this.namespaces.get(host);
        String outside = this.prefix + "v" + host;
        String inside = this.prefix + "p" + host;
        create(List.of("ip", "link", "add", outside, "type", "veth", "peer", "name", inside),
                List.of("ip", "link", "del", outside));
        run("ip", "link", "set", inside, "netns", namespace);
        run("ip", "link", "set", outside, "master", bridge);
        run("ip", "link", "set", outside, "up");
        run("ip", "-n", namespace, "addr", "add", address(host) + "/24", "dev", inside);
        run("ip", "-n", namespace, "link", "set", inside, "up");
        run("ip", "-n", namespace, "link", "set", "lo", "up");
    }

    /**
     * Connects from one host to a closed port of another: a refused connection proves
     * they reach each other, a timeout or an unreachable host means the bridge drops
     * their traffic.
     */
    private void checkReach(int from, int to) {
        List<String> command = new ArrayList<>(exec(from));
        command.addAll(List.of("timeout", String.valueOf(PROBE_SECONDS), "bash", "-c",
                "exec 3<>/dev/tcp/" + address(to) + "/" + CLOSED_PORT));
        Result probe = execute(command.toArray(String[]::new));
        if (probe.exit() != 0 && !probe.output().contains("Connection refused")) {
            throw new IllegalStateException("host " + from + " (" + address(from) + ") cannot reach host " + to + " ("
                    + address(to) + ") across bridge " + this.prefix + "br (exit " + probe.exit() + ": "
                    + probe.output() + "). The likely cause is a host firewall dropping bridged traffic: with "
                    + "br_netfilter loaded, iptables' FORWARD chain (e.g. a DROP policy set by Docker) filters it; "
                    + "check 'sysctl net.bridge.bridge-nf-call-iptables' and 'iptables -S FORWARD'");
        }
    }

    private List<String> ipIn(int host, String verb, List<String> object) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", this.namespaces.get(host), object.get(0), verb));
        command.addAll(object.subList(1, object.size()));
        return command;
    }

    private synchronized void create(List<String> command, List<String> inverse) {
        run(command.toArray(String[]::new));
        this.undo.push(inverse);
    }

    /** A 10.x.y.0/24 that no interface or route of the root namespace mentions. */
    private static String freeSubnet() {
        String taken = run("ip", "-o", "addr") + run("ip", "route");
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = "10." + ThreadLocalRandom.current().nextInt(100, 250) + "."
                    + ThreadLocalRandom.current().nextInt(0, 256);
            if (!taken.contains(candidate + ".")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 10.x.y.0/24 found in: " + taken);
    }

    private static String run(String... command) {
        Result result = execute(command);
        if (result.exit() != 0) {
            throw new IllegalStateException(
                    "'" + String.join(" ", command) + "' failed (exit " + result.exit() + "): " + result.output());
        }
        return result.output();
    }

    /**
     * Runs a command and returns its exit code and output. The output is read while the
     * command runs (it could otherwise block on a full pipe), and both the read and the
     * wait are bounded by {@link #COMMAND_TIMEOUT}.
     */
    private static Result execute(String... command) {
        String line = String.join(" ", command);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (IOException ex) {
            throw new IllegalStateException("'" + line + "' cannot run: " + ex.getMessage(), ex);
        }
        FutureTask<String> output = new FutureTask<>(
                () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        Thread reader = new Thread(output, "ip-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        try {
            String text = output.get(COMMAND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
            return new Result(process.exitValue(), text);
        }
        catch (TimeoutException ex) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + line + "' did not finish within " + COMMAND_TIMEOUT, ex);
        }
        catch (ExecutionException ex) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + line + "' output cannot be read: " + ex.getCause(), ex);
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("'" + line + "' interrupted", ex);
        }
    }

    /** What a command left: its exit code and its output, standard error included. */
    private record Result(int exit, String output) {
    }

    /** Namespaces cannot be created on this machine. */
    static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

    }

}

package com.wedsync.grid.config.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on loopback for members, nodes and servers a test or a local run starts.
 * <p>
 * Ports are taken from {@value #FIRST}-{@value #LAST}, below the kernels' ephemeral
 * ranges (32768 and up on Linux, 49152 and up elsewhere): a port the kernel hands out for
 * {@code new ServerSocket(0)} can be taken by any outgoing connection between the check
 * and the bind, which made a member fail to start in a CI run. Another process may still
 * take a port between the check and the bind; a member's port auto-increment over a span
 * absorbs that.
 */
public final class LoopbackPorts {

    /** The lowest port handed out. */
    public static final int FIRST = 20_000;

    /** The highest port handed out. */
    public static final int LAST = 32_000;

    private LoopbackPorts() {
    }

    /**
     * Returns a free port on loopback.
     * @return the port
     */
    public static int freePort() {
        return freeSpan(1);
    }

    /**
     * Returns the first of {@code count} consecutive ports that are all free on loopback.
     * @param count how many ports, 1 to 64
     * @return the first port of the span
     * @throws IllegalArgumentException naming the count when it is out of range
     * @throws UncheckedIOException when no span of that length is free
     */
    public static int freeSpan(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("count (" + count + ") must be between 1 and 64");
        }
        int spans = (LAST - FIRST + 1) / count;
        int start = ThreadLocalRandom.current().nextInt(spans);
        for (int i = 0; i < spans; i++) {
            int first = FIRST + ((start + i) % spans) * count;
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new UncheckedIOException(
                new IOException("no " + count + " consecutive free ports on loopback in " + FIRST + "-" + LAST));
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // Bound, so free; closed again at once.
            }
            catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

}

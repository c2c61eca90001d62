package com.wedsync.grid.node.settings;

import com.hazelcast.config.NetworkConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Checks of valid settings against this machine, made before Spring or the member starts
 * so that a port in use ends in one line naming its variable rather than in a stack trace
 * after the member has joined.
 */
public final class HostChecks {

    /**
     * How many ports the member tries from its first one up (Hazelcast's default port
     * count).
     */
    private static final int PORTS_TRIED = new NetworkConfig().getPortCount();

    private HostChecks() {
    }

    /**
     * Checks that the HTTP port is free.
     * @param port the port; {@code 0} (any free one) is not checked
     * @throws InvalidSettingException naming {@value NodeSettings#HTTP_PORT} if another
     * process holds it
     */
    public static void requireFreeHttpPort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        }
        catch (IOException ex) {
            throw new InvalidSettingException(NodeSettings.HTTP_PORT, String.valueOf(port),
                    "is in use by another process (" + ex.getMessage() + ")");
        }
    }

    /**
     * Checks that the member can bind its address: that it is one of this machine's.
     * @param bindAddress the address or host name
     * @throws InvalidSettingException naming {@value NodeSettings#BIND_ADDRESS} if it
     * does not resolve or belongs to no interface here
     */
    public static void requireLocalBindAddress(String bindAddress) {
        InetAddress address = resolve(bindAddress);
        boolean local;
        try {
            local = address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        }
        catch (SocketException ex) {
            throw new InvalidSettingException(NodeSettings.BIND_ADDRESS, bindAddress,
                    "cannot be checked against this machine's interfaces: " + ex.getMessage());
        }
        if (!local) {
            throw new InvalidSettingException(NodeSettings.BIND_ADDRESS, bindAddress, "is not an address of this"
                    + " machine (" + address.getHostAddress() + " is on none of its network interfaces)");
        }
    }

    /**
     * Checks that the member finds a port: the first free one from its port up, as
     * Hazelcast tries them.
     * @param bindAddress the address the member binds
     * @param port its first port
     * @throws InvalidSettingException naming {@value NodeSettings#PORT} if every port
     * Hazelcast would try is taken
     */
    public static void requireFreeMemberPort(String bindAddress, int port) {
        int last = Math.min(65535, port + PORTS_TRIED - 1);
        InetAddress address = resolve(bindAddress);
        for (int candidate = port; candidate <= last; candidate++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, candidate));
                return;
            }
            catch (IOException ex) {
                // taken: Hazelcast would try the next one too
            }
        }
        throw new InvalidSettingException(NodeSettings.PORT, String.valueOf(port), "is in use, and so is every"
                + " port up to " + last + " on " + bindAddress + " (the member tries " + PORTS_TRIED + ")");
    }

    private static InetAddress resolve(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        }
        catch (UnknownHostException ex) {
            throw new InvalidSettingException(NodeSettings.BIND_ADDRESS, bindAddress, "does not resolve");
        }
    }

}

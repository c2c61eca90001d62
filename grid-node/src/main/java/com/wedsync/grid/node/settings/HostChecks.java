package com.wedsync.grid.node.settings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks of valid settings against this machine, made before Spring or the member starts so that a port in use
 * ends in one line naming its variable rather than in a stack trace after the member has joined.
 */
public final class HostChecks {

    private HostChecks() {
    }

    /**
     * Checks that the HTTP port is free.
     * @param port the port; {@code 0} (any free one) is not checked
     * @throws InvalidSettingException naming {@value NodeSettings#HTTP_PORT} if another process holds it
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
}

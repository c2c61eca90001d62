package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member listens only on its configured interface: bound to 127.0.0.1, its port refuses
 * a connection on 127.0.0.2, another address of the same host (Linux loopback answers on
 * all of 127/8). Control: a member with {@code hazelcast.socket.bind.any=true} accepts
 * the same connection.
 */
class BindAddressIT {

    private static final String OTHER_LOCAL_ADDRESS = "127.0.0.2";

    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private static HazelcastInstance bound;

    private static HazelcastInstance anyInterface;

    @BeforeAll
    static void startMembers() {
        bound = SecurityProbe.member("bind-loopback", UnaryOperator.identity());
        anyInterface = SecurityProbe.member("bind-any", BindAddressIT::bindAny);
    }

    @AfterAll
    static void shutDown() {
        SecurityProbe.shutdown(bound, anyInterface);
    }

    @Test
    void aMemberBoundToLoopbackRefusesAConnectionOnAnotherLocalAddress() {
        int port = SecurityProbe.address(bound).getPort();

        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(OTHER_LOCAL_ADDRESS, port));
    }

    @Test
    void aMemberBoundToLoopbackAcceptsAConnectionOnItsOwnAddress() {
        int port = SecurityProbe.address(bound).getPort();

        assertThatCode(() -> connect("127.0.0.1", port)).doesNotThrowAnyException();
    }

    @Test
    void aMemberBoundToAnyInterfaceAcceptsTheConnectionOnTheOtherAddress() {
        int port = SecurityProbe.address(anyInterface).getPort();

        assertThatCode(() -> connect(OTHER_LOCAL_ADDRESS, port)).doesNotThrowAnyException();
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        }
    }

    private static Config bindAny(Config config) {
        return config.setProperty("hazelcast.socket.bind.any", "true");
    }

}

package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.RestEndpointGroup;
import com.hazelcast.core.HazelcastInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member port speaks only Hazelcast's binary protocol: an HTTP request for the REST
 * health endpoint and memcache text commands get no answer (the member closes the
 * connection, or says nothing within the read timeout). Control: a member with REST and
 * memcache switched on answers the same bytes.
 */
class ProtocolsOffIT {

    private static final int READ_TIMEOUT_MILLIS = 3000;

    private static final String HTTP_READY = "GET /hazelcast/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Connection: close\r\n\r\n";

    private static HazelcastInstance guarded;

    private static HazelcastInstance open;

    @BeforeAll
    static void startMembers() {
        guarded = SecurityProbe.member("protocols-off", UnaryOperator.identity());
        open = SecurityProbe.member("protocols-on", ProtocolsOffIT::protocolsOn);
    }

    @AfterAll
    static void shutDown() {
        SecurityProbe.shutdown(guarded, open);
    }

    @Test
    void anHttpRequestForTheRestHealthEndpointGetsNoAnswer() throws IOException {
        assertThat(exchange(guarded, HTTP_READY)).isEmpty();
    }

    @Test
    void theSameHttpRequestIsAnsweredWhenRestIsOn() throws IOException {
        assertThat(exchange(open, HTTP_READY)).startsWith("HTTP/1.1 200");
    }

    @Test
    void memcacheVersionAndStatsGetNoAnswer() throws IOException {
        assertThat(exchange(guarded, "version\r\n")).isEmpty();
        assertThat(exchange(guarded, "stats\r\n")).isEmpty();
    }

    @Test
    void theSameMemcacheCommandsAreAnsweredWhenMemcacheIsOn() throws IOException {
        assertThat(exchange(open, "version\r\n")).startsWith("VERSION");
        assertThat(exchange(open, "stats\r\n")).startsWith("STAT");
    }

    /**
     * Sends the bytes to the member port and returns what came back until the first line
     * ended, the member closed the connection, or it stayed silent for
     * {@link #READ_TIMEOUT_MILLIS}: empty when nothing came.
     */
    private static String exchange(HazelcastInstance member, String request) throws IOException {
        InetSocketAddress address = SecurityProbe.address(member);
        try (Socket socket = new Socket()) {
            socket.connect(address, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return firstLine(socket.getInputStream());
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            // Memcache keeps the connection open after answering: a whole first line is
            // answer enough.
            int n = 0;
            while (!received.toString(StandardCharsets.US_ASCII).contains("\r\n") && n >= 0) {
                n = in.read(buffer);
                if (n > 0) {
                    received.write(buffer, 0, n);
                }
            }
        }
        catch (SocketTimeoutException | SocketException ex) {
            // Silent for the whole timeout, or reset by the member: nothing more was
            // answered.
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    private static Config protocolsOn(Config config) {
        config.getNetworkConfig().getRestApiConfig().setEnabled(true).enableGroups(RestEndpointGroup.HEALTH_CHECK);
        config.getNetworkConfig().getMemcacheProtocolConfig().setEnabled(true);
        return config;
    }

}

package com.wedsync.grid.config.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackPortsTests {

    @Test
    void aSpanLiesBelowTheEphemeralRangeAndEveryPortOfItCanBeBound() throws IOException {
        int first = LoopbackPorts.freeSpan(8);

        assertThat(first).isBetween(LoopbackPorts.FIRST, LoopbackPorts.LAST - 7);
        List<ServerSocket> bound = new ArrayList<>();
        try {
            for (int port = first; port < first + 8; port++) {
                bound.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
        }
        finally {
            for (ServerSocket socket : bound) {
                socket.close();
            }
        }
        assertThat(bound).hasSize(8);
    }

    @Test
    void aTakenPortIsNeverHandedOut() throws IOException {
        int taken = LoopbackPorts.freePort();
        try (ServerSocket socket = new ServerSocket(taken, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 200; i++) {
                int first = LoopbackPorts.freeSpan(2);
                assertThat(taken).isNotIn(first, first + 1);
            }
        }
    }

    @Test
    void aSpanOutOfRangeIsRefusedNamingTheCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackPorts.freeSpan(0))
            .withMessage("count (0) must be between 1 and 64");
        assertThatIllegalArgumentException().isThrownBy(() -> LoopbackPorts.freeSpan(65))
            .withMessage("count (65) must be between 1 and 64");
    }

}

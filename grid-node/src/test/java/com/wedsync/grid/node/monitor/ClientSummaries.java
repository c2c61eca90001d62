package com.wedsync.grid.node.monitor;

import com.wedsync.grid.config.clients.ClientLatency;
import com.wedsync.grid.config.clients.ClientSummary;
import java.io.ByteArrayOutputStream;
import org.HdrHistogram.Histogram;

/**
 * Test fixture: client summaries of one class each, built as a grid-client writes them.
 */
final class ClientSummaries {

    private ClientSummaries() {
    }

    /**
     * A summary of one class whose reads all took the same time.
     * @param client the client's UUID
     * @param atMillis the end of its interval
     * @param dataClass the class id
     * @param l1Hits reads answered by L1
     * @param l2Hits reads answered by L2
     * @param misses reads that found nothing
     * @param readNanos the latency of every read
     * @return the summary, over a 1 s interval with 10 writes and no failures
     */
    static ClientSummary of(String client, long atMillis, String dataClass, long l1Hits, long l2Hits, long misses,
            long readNanos) {
        Histogram latencies = ClientLatency.histogram();
        latencies.recordValueWithCount(readNanos, l1Hits + l2Hits + misses);
        byte[] encoded = ClientLatency.encode(latencies);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(encoded);
        return new ClientSummary(client, atMillis, 1_000, new String[] { dataClass }, new long[] { l1Hits },
                new long[] { l2Hits }, new long[] { misses }, new long[] { 10 }, new long[] { 0 }, new long[] { 0 },
                bytes.toByteArray(), new int[] { encoded.length });
    }

}

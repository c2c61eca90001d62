package com.wedsync.grid.config.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ClientLatencyTests {

    @Test
    void anEncodedHistogramDecodesToTheSameCounts() {
        Histogram histogram = ClientLatency.histogram();
        histogram.recordValueWithCount(300, 64 * 90);
        histogram.recordValueWithCount(1_500_000, 10);

        Histogram decoded = ClientLatency.decode(ClientLatency.encode(histogram));

        assertThat(decoded.getTotalCount()).isEqualTo(64 * 90 + 10);
        assertThat(decoded.getValueAtPercentile(99.99)).isBetween(1_485_000L, 1_515_000L);
        assertThat(decoded).isEqualTo(histogram);
    }

    @Test
    void theWorstCaseOfTheShapeFitsTheBound() {
        Histogram histogram = ClientLatency.histogram();
        // a distinct large count in every bucket: the least compressible histogram
        for (long value = 1; value < ClientLatency.HIGHEST_NANOS; value = histogram.nextNonEquivalentValue(value)) {
            histogram.recordValueWithCount(value, Long.MAX_VALUE / 8192 - value % 100_003);
        }

        assertThat(ClientLatency.encode(histogram)).hasSizeLessThanOrEqualTo(ClientLatency.MAX_ENCODED_BYTES);
    }

    @Test
    void bytesThatAreNoHistogramAreRefusedNamingWhy() {
        byte[] valid = ClientLatency.encode(ClientLatency.histogram());

        assertThatIllegalArgumentException().isThrownBy(() -> ClientLatency.decode(new byte[3]))
            .withMessage("histogram of 3 bytes declares nothing");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ClientLatency.decode(Arrays.copyOf(valid, valid.length - 1)))
            .withMessageContaining("compressed bytes");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ClientLatency.decode(new byte[ClientLatency.MAX_ENCODED_BYTES + 1]))
            .withMessage("histogram is 40961 bytes, at most 40960");
        byte[] garbage = valid.clone();
        Arrays.fill(garbage, 8, garbage.length, (byte) 0x5a);
        assertThatIllegalArgumentException().isThrownBy(() -> ClientLatency.decode(garbage))
            .withMessageStartingWith("histogram does not inflate");
    }

    @Test
    void aHistogramOfAnotherShapeIsRefusedBeforeItIsAllocated() {
        // 5 digits up to Long.MAX_VALUE would allocate some 60 MB of counts
        Histogram huge = new Histogram(1, Long.MAX_VALUE, 5);
        huge.recordValue(1);
        ByteBuffer buffer = ByteBuffer.allocate(huge.getNeededByteBufferCapacity());
        int length = huge.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);

        assertThatIllegalArgumentException()
            .isThrownBy(() -> ClientLatency.decode(Arrays.copyOf(buffer.array(), length)))
            .withMessage("histogram has 5 digits from 1 to " + Long.MAX_VALUE + ", not 2 from 1 to 60000000000");
    }

    @Test
    void latenciesAreBoundedToTheShape() {
        assertThat(ClientLatency.bounded(0)).isEqualTo(1);
        assertThat(ClientLatency.bounded(Long.MAX_VALUE)).isEqualTo(ClientLatency.HIGHEST_NANOS);
        assertThat(ClientLatency.bounded(750)).isEqualTo(750);
    }

}

package com.wedsync.grid.config.clients;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one shape of the clients' latency histograms, and their wire form in a
 * {@link ClientSummary}: HdrHistogram, nanoseconds from 1 to {@link #HIGHEST_NANOS}, two
 * significant digits, compressed. A member decodes only histograms of exactly this shape
 * and within {@link #MAX_ENCODED_BYTES}, so that a forged entry cannot make it allocate
 * more than a real one does.
 */
public final class ClientLatency {

    /** The longest latency recorded; longer ones are recorded as this. */
    public static final long HIGHEST_NANOS = Duration.ofMinutes(1).toNanos();

    /**
     * A client times one L1 hit in this many (timing would dominate a hit of tens of
     * nanoseconds) and records each timed one this many times, here and in whatever reads
     * its meters (the Prometheus rules weigh its L1 buckets by it).
     */
    public static final int L1_TIMED_ONE_IN = 64;

    /** Significant digits kept: values within 1 % of their bucket. */
    public static final int DIGITS = 2;

    /** The largest encoded histogram accepted: the worst case of the shape fits. */
    public static final int MAX_ENCODED_BYTES = 40 * 1024;

    /** Bytes before the counts in the uncompressed form (cookie to conversion ratio). */
    private static final int HEADER_BYTES = 40;

    /**
     * The largest uncompressed form: HdrHistogram's own worst case of the shape (every
     * count in 9 bytes, LEB128's longest).
     */
    private static final int MAX_DECODED_BYTES = histogram().getNeededByteBufferCapacity();

    private ClientLatency() {
    }

    /**
     * Returns an empty histogram of the shape.
     * @return the histogram
     */
    public static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS, DIGITS);
    }

    /**
     * Returns a recorder of the shape, whose interval histograms can be encoded.
     * @return the recorder
     */
    public static Recorder recorder() {
        return new Recorder(1, HIGHEST_NANOS, DIGITS);
    }

    /**
     * Bounds a latency to what the shape records.
     * @param nanos the latency
     * @return it, between 1 and {@link #HIGHEST_NANOS}
     */
    public static long bounded(long nanos) {
        return Math.max(1, Math.min(nanos, HIGHEST_NANOS));
    }

    /**
     * Encodes a histogram of the shape, compressed.
     * @param histogram the histogram
     * @return at most {@link #MAX_ENCODED_BYTES} bytes
     * @throws IllegalArgumentException if the histogram is not of the shape
     */
    public static byte[] encode(Histogram histogram) {
        requireShape(histogram.getNumberOfSignificantValueDigits(), histogram.getLowestDiscernibleValue(),
                histogram.getHighestTrackableValue());
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity() + 64);
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    /**
     * Decodes what {@link #encode} wrote; anything else is refused before it can allocate
     * more than a histogram of the shape.
     * @param encoded the bytes
     * @return the histogram
     * @throws IllegalArgumentException saying why the bytes are no histogram of the shape
     */
    public static Histogram decode(byte[] encoded) {
        if (encoded.length > MAX_ENCODED_BYTES) {
            throw new IllegalArgumentException(
                    "histogram is " + encoded.length + " bytes, at most " + MAX_ENCODED_BYTES);
        }
        ByteBuffer plain = inflated(encoded);
        requireShape(plain.getInt(12), plain.getLong(16), plain.getLong(24));
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromByteBuffer(plain, 0);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("histogram does not decode: " + ex, ex);
        }
        if (histogram.getTotalCount() < 0) {
            throw new IllegalArgumentException("histogram counts " + histogram.getTotalCount() + " values");
        }
        return histogram;
    }

    /** The compressed form: cookie, length of the deflated bytes, the deflated bytes. */
    private static ByteBuffer inflated(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (encoded.length < 8 || in.getInt(4) != encoded.length - 8) {
            throw new IllegalArgumentException("histogram of " + encoded.length + " bytes declares "
                    + ((encoded.length < 8) ? "nothing" : in.getInt(4) + " compressed bytes"));
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(encoded, 8, encoded.length - 8);
            byte[] out = new byte[MAX_DECODED_BYTES];
            int length = inflater.inflate(out);
            if (!inflater.finished() || length < HEADER_BYTES) {
                throw new IllegalArgumentException(
                        "histogram inflates to " + (inflater.finished() ? length : "more than " + MAX_DECODED_BYTES)
                                + " bytes; its shape takes " + HEADER_BYTES + " to " + MAX_DECODED_BYTES);
            }
            return ByteBuffer.wrap(out, 0, length);
        }
        catch (DataFormatException ex) {
            throw new IllegalArgumentException("histogram does not inflate: " + ex.getMessage(), ex);
        }
        finally {
            inflater.end();
        }
    }

    private static void requireShape(int digits, long lowest, long highest) {
        if (digits != DIGITS || lowest != 1 || highest != HIGHEST_NANOS) {
            throw new IllegalArgumentException("histogram has " + digits + " digits from " + lowest + " to " + highest
                    + ", not " + DIGITS + " from 1 to " + HIGHEST_NANOS);
        }
    }

}

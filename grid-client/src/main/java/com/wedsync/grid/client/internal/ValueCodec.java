package com.wedsync.grid.client.internal;

import com.wedsync.grid.client.ValueTooLargeException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Serializes values once, compresses those over the threshold (unless the region's recent
 * values did not compress: {@link CompressionGate}), and enforces the size limit. What it
 * returns is stored as is: small values as their serialized form (Hazelcast does not
 * serialize them again), large ones as a {@link CompressedValue}. Reading undoes it.
 */
final class ValueCodec {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private static final long MAX_LZ4_RATIO = 255;

    private final ClientInternals.Serialization serialization;

    private final int threshold;

    private final int maxBytes;

    private final int maxRawBytes;

    private final LZ4Compressor compressor = LZ4.fastCompressor();

    private final LZ4SafeDecompressor decompressor = LZ4.safeDecompressor();

    private final ConcurrentMap<String, CompressionGate> gates = new ConcurrentHashMap<>();

    ValueCodec(ClientInternals.Serialization serialization, int threshold, int maxBytes, int maxRawBytes) {
        this.serialization = serialization;
        this.threshold = threshold;
        this.maxBytes = maxBytes;
        this.maxRawBytes = maxRawBytes;
    }

    /**
     * Serializes a key as Hazelcast's map proxy does (no partitioning strategy: keys
     * route themselves).
     * @param key the key
     * @return its serialized form
     */
    Object keyData(Object key) {
        return this.serialization.toData(key);
    }

    /** What a put stores, and the sizes before and after compression. */
    record Encoded(Object stored, int rawBytes, int storedBytes) {

        boolean compressed() {
            return this.stored instanceof CompressedValue;
        }
    }

    Encoded encode(String region, Object value) {
        Object data = this.serialization.toData(value);
        int raw = this.serialization.size(data);
        if (raw <= this.threshold) {
            requireWithinLimit(region, raw);
            return new Encoded(data, raw, raw);
        }
        if (raw > this.maxRawBytes) {
            throw new ValueTooLargeException(region, raw, "before compression", this.maxRawBytes,
                    "maxUncompressedValueBytes");
        }
        CompressionGate gate = this.gates.computeIfAbsent(region, (name) -> new CompressionGate());
        // A value over the limit as it is must be tried: compressed, it may fit.
        if (raw <= this.maxBytes && !gate.attempt()) {
            requireWithinLimit(region, raw);
            return new Encoded(data, raw, raw);
        }
        byte[] bytes = this.serialization.bytes(data);
        byte[] block = new byte[this.compressor.maxCompressedLength(bytes.length)];
        int length = this.compressor.compress(bytes, 0, bytes.length, block, 0, block.length);
        gate.attempted(length < raw);
        if (length >= raw) {
            requireWithinLimit(region, raw);
            return new Encoded(data, raw, raw);
        }
        requireWithinLimit(region, length);
        return new Encoded(new CompressedValue(java.util.Arrays.copyOf(block, length), raw), raw, length);
    }

    @SuppressWarnings("unchecked")
    <V> V decode(Object stored) {
        if (stored instanceof CompressedValue compressed) {
            Object decoded = compressed.decoded();
            if (decoded == null) {
                byte[] raw = new byte[checkedRawLength(compressed)];
                int decompressed;
                try {
                    decompressed = this.decompressor.decompress(compressed.lz4(), 0, compressed.lz4().length, raw, 0);
                }
                catch (LZ4Exception ex) {
                    throw new IllegalStateException("a stored compressed value (lz4 " + compressed.lz4().length
                            + " bytes, rawLength " + compressed.rawLength() + ") is not a valid LZ4 block", ex);
                }
                if (decompressed != raw.length) {
                    throw new IllegalStateException("a stored compressed value claims rawLength " + raw.length
                            + " but its lz4 block decodes to " + decompressed + " bytes, so it is refused");
                }
                decoded = this.serialization.toObject(raw);
                compressed.decoded(decoded);
            }
            return (V) decoded;
        }
        return (V) stored;
    }

    /**
     * The stored length comes from the grid, which any client can write to: bound it
     * before allocating. No block this codec writes exceeds maxValueBytes or holds more
     * than maxUncompressedValueBytes, and LZ4 expands at most 255-fold, so a longer claim
     * is refused.
     */
    private int checkedRawLength(CompressedValue compressed) {
        long lz4 = (compressed.lz4() != null) ? compressed.lz4().length : 0;
        int claimed = compressed.rawLength();
        if (lz4 > this.maxBytes) {
            // encode never stores a block over the limit: only another writer of the grid
            // can have
            throw new IllegalStateException("a stored compressed value has an lz4 block of " + lz4
                    + " bytes, over the limit of " + this.maxBytes + " bytes (maxValueBytes), so it is refused");
        }
        if (lz4 == 0 || claimed <= 0 || claimed > lz4 * MAX_LZ4_RATIO) {
            throw new IllegalStateException("a stored compressed value claims rawLength " + claimed + " for lz4 " + lz4
                    + " bytes; LZ4 expands at most " + MAX_LZ4_RATIO + "-fold, so it is refused");
        }
        if (claimed > this.maxRawBytes) {
            throw new IllegalStateException("a stored compressed value claims rawLength " + claimed + ", over the limit"
                    + " of " + this.maxRawBytes + " bytes (maxUncompressedValueBytes), so it is refused");
        }
        return claimed;
    }

    private void requireWithinLimit(String region, int bytes) {
        if (bytes > this.maxBytes) {
            throw new ValueTooLargeException(region, bytes, this.maxBytes);
        }
    }

}

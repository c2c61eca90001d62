package com.wedsync.grid.client.internal;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.wedsync.grid.client.ValueTooLargeException;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Serializes values once, compresses those over the threshold, and enforces the size limit. What it returns is
 * stored as is: small values as their serialized form (Hazelcast does not serialize them again), large ones as a
 * {@link CompressedValue}. Reading undoes it.
 */
final class ValueCodec {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private final SerializationService serialization;

    private final int threshold;

    private final int maxBytes;

    private final LZ4Compressor compressor = LZ4.fastCompressor();

    private final LZ4SafeDecompressor decompressor = LZ4.safeDecompressor();

    ValueCodec(SerializationService serialization, int threshold, int maxBytes) {
        this.serialization = serialization;
        this.threshold = threshold;
        this.maxBytes = maxBytes;
    }

    /** What a put stores, and the sizes before and after compression. */
    record Encoded(Object stored, int rawBytes, int storedBytes) {

        boolean compressed() {
            return this.stored instanceof CompressedValue;
        }
    }

    Encoded encode(String region, Object value) {
        Data data = this.serialization.toData(value);
        int raw = data.totalSize();
        if (raw <= this.threshold) {
            requireWithinLimit(region, raw);
            return new Encoded(data, raw, raw);
        }
        byte[] bytes = data.toByteArray();
        byte[] block = new byte[this.compressor.maxCompressedLength(bytes.length)];
        int length = this.compressor.compress(bytes, 0, bytes.length, block, 0, block.length);
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
                byte[] raw = new byte[compressed.rawLength()];
                this.decompressor.decompress(compressed.lz4(), 0, compressed.lz4().length, raw, 0);
                decoded = this.serialization.toObject(new HeapData(raw));
                compressed.decoded(decoded);
            }
            return (V) decoded;
        }
        return (V) stored;
    }

    private void requireWithinLimit(String region, int bytes) {
        if (bytes > this.maxBytes) {
            throw new ValueTooLargeException(region, bytes, this.maxBytes);
        }
    }
}

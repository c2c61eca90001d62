package com.wedsync.grid.benchmarks;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What compressing a ~10 KiB vendor response costs and saves. The steps are those of the
 * client's value codec (package-private in grid-client): serialize with Hazelcast,
 * LZ4-compress the serialized bytes with the fast compressor (put side); decompress with
 * the safe decompressor and deserialize (read side), each next to the same value
 * uncompressed. The ratio (LZ4 block over serialized size, as the region's
 * compression-ratio meter records it) is printed once at set-up:
 * {@code [compression] ...}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1,
        jvmArgsAppend = { BenchGrid.EXPORTS_REF, BenchGrid.OPENS_LANG, BenchGrid.OPENS_NIO, BenchGrid.OPENS_MANAGEMENT,
                BenchGrid.OPENS_MANAGEMENT_INTERNAL, BenchGrid.COMMON_POOL, BenchGrid.QUIET_LOGS })
@State(Scope.Benchmark)
public class CompressionBenchmark {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private final LZ4Compressor compressor = LZ4.fastCompressor();

    private final LZ4SafeDecompressor decompressor = LZ4.safeDecompressor();

    private SerializationService serialization;

    private String json;

    private Data serialized;

    private byte[] compressed;

    /** Builds the value, and prints its sizes and the ratio. */
    @Setup(Level.Trial)
    public void prepare() {
        this.serialization = new DefaultSerializationServiceBuilder().build();
        this.json = VendorResponses.quote(10 * 1024);
        this.serialized = this.serialization.toData(this.json);
        this.compressed = encodeCompressed();
        System.out.printf(Locale.ROOT,
                "[compression] vendor response: %d chars, serialized %d bytes, LZ4 block %d "
                        + "bytes, ratio (stored/raw) %.3f, lz4 implementation %s%n",
                this.json.length(), this.serialized.totalSize(), this.compressed.length,
                (double) this.compressed.length / this.serialized.totalSize(), LZ4);
        if (!this.json.equals(decodeCompressed())) {
            throw new IllegalStateException("the value did not survive compression");
        }
    }

    /**
     * Put side with compression: serialize, then compress the serialized bytes.
     * @return the LZ4 block
     */
    @Benchmark
    public byte[] encodeCompressed() {
        byte[] raw = this.serialization.toData(this.json).toByteArray();
        byte[] block = new byte[this.compressor.maxCompressedLength(raw.length)];
        int length = this.compressor.compress(raw, 0, raw.length, block, 0, block.length);
        return Arrays.copyOf(block, length);
    }

    /**
     * Put side without compression: serialize only.
     * @return the serialized form
     */
    @Benchmark
    public Data encodeRaw() {
        return this.serialization.toData(this.json);
    }

    /**
     * Read side with compression: decompress, then deserialize.
     * @return the value
     */
    @Benchmark
    public Object decodeCompressed() {
        byte[] raw = new byte[this.serialized.totalSize()];
        this.decompressor.decompress(this.compressed, 0, this.compressed.length, raw, 0);
        return this.serialization.toObject(new HeapData(raw));
    }

    /**
     * Read side without compression: deserialize only.
     * @return the value
     */
    @Benchmark
    public Object decodeRaw() {
        return this.serialization.toObject(this.serialized);
    }

}

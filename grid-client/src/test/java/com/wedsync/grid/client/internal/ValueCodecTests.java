package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.wedsync.grid.client.ValueTooLargeException;
import org.junit.jupiter.api.Test;

class ValueCodecTests {

    private static final int THRESHOLD = 1024;

    private final SerializationService serialization = new DefaultSerializationServiceBuilder()
        .setConfig(new SerializationConfig())
        .build();

    private static final int MAX_RAW = 1024 * 1024;

    private final ValueCodec codec = new ValueCodec(ClientInternals.Serialization.of(this.serialization), THRESHOLD,
            64 * 1024, MAX_RAW);

    @Test
    void aValueAtTheThresholdIsStoredAsItsSerializedForm() {
        String value = sized(THRESHOLD);

        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", value);

        assertThat(encoded.rawBytes()).isEqualTo(THRESHOLD);
        assertThat(encoded.compressed()).isFalse();
        assertThat(encoded.stored()).isInstanceOf(Data.class);
        assertThat(this.codec.<String>decode(this.serialization.toObject(encoded.stored()))).isEqualTo(value);
    }

    @Test
    void aValueBelowTheThresholdIsNotCompressed() {
        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", sized(THRESHOLD - 1));

        assertThat(encoded.compressed()).isFalse();
        assertThat(encoded.storedBytes()).isEqualTo(encoded.rawBytes());
    }

    @Test
    void aCompressibleValueAboveTheThresholdIsStoredCompressedAndReadBackIntact() {
        String value = sized(THRESHOLD + 1);

        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", value);

        assertThat(encoded.compressed()).isTrue();
        assertThat(encoded.storedBytes()).isLessThan(encoded.rawBytes() / 4);
        assertThat(this.codec.<String>decode(encoded.stored())).isEqualTo(value);
    }

    @Test
    void aCompressedValueIsDecodedOnceAndThenServedAsIs() {
        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", sized(4 * THRESHOLD));

        String first = this.codec.decode(encoded.stored());
        String second = this.codec.decode(encoded.stored());

        assertThat(second).isSameAs(first);
    }

    @Test
    void anIncompressibleValueIsStoredAsIsRatherThanGrown() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);

        ValueCodec.Encoded encoded = this.codec.encode("photo_thumbnails", noise);

        assertThat(encoded.compressed()).isFalse();
        assertThat(this.codec.<byte[]>decode(this.serialization.toObject(encoded.stored()))).isEqualTo(noise);
    }

    @Test
    void aRegionWhoseValuesDoNotCompressSkipsMostAttemptsAndResumesWhenOneCompresses() {
        for (int i = 0; i < 2 * CompressionGate.GIVE_UP_AFTER; i++) {
            assertThat(this.codec.encode("photo_thumbnails", noise(4096, i)).compressed()).isFalse();
        }
        String json = sized(4 * THRESHOLD);
        // Another region is not held back by this one's values.
        assertThat(this.codec.encode("vendor_responses", json).compressed()).isTrue();

        int uncompressed = 0;
        while (!this.codec.encode("photo_thumbnails", json).compressed()) {
            uncompressed++;
        }
        assertThat(uncompressed).isBetween(1, CompressionGate.PROBE_EVERY - 1);
        assertThat(this.codec.encode("photo_thumbnails", json).compressed()).as("after the probe compressed").isTrue();
    }

    @Test
    void aValueOverTheLimitIsStillCompressedWhenTheRegionsValuesDoNot() {
        for (int i = 0; i < 2 * CompressionGate.GIVE_UP_AFTER; i++) {
            this.codec.encode("vendor_responses", noise(4096, i));
        }
        String value = "x".repeat(200 * 1024);

        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", value);

        assertThat(encoded.compressed()).isTrue();
        assertThat(encoded.storedBytes()).isLessThan(64 * 1024);
    }

    private static byte[] noise(int size, long seed) {
        byte[] noise = new byte[size];
        new java.util.Random(seed).nextBytes(noise);
        return noise;
    }

    @Test
    void aValueOverTheLimitAfterCompressionIsRefusedWithItsSizeAndTheLimit() {
        byte[] noise = new byte[80 * 1024];
        new java.util.Random(7).nextBytes(noise);

        assertThatThrownBy(() -> this.codec.encode("photo_thumbnails", noise))
            .isInstanceOf(ValueTooLargeException.class)
            .hasMessageStartingWith("value for region photo_thumbnails is ")
            .hasMessageEndingWith("bytes after compression; the limit is 65536 bytes (maxValueBytes)");
    }

    @Test
    void aLargeButCompressibleValueUnderTheLimitAfterCompressionIsAccepted() {
        String value = "x".repeat(200 * 1024);

        ValueCodec.Encoded encoded = this.codec.encode("vendor_responses", value);

        assertThat(encoded.storedBytes()).isLessThan(64 * 1024);
        assertThat(this.codec.<String>decode(encoded.stored())).isEqualTo(value);
    }

    /** A string whose serialized form is exactly {@code bytes} long. */
    private String sized(int bytes) {
        int overhead = this.serialization.toData("").totalSize();
        return "ab".repeat(bytes).substring(0, bytes - overhead);
    }

    @Test
    void aStoredCompressedValueClaimingMoreThanLz4CanExpandIsRefusedBeforeAllocating() {
        ValueCodec.Encoded real = this.codec.encode("photo_thumbnails", "wedding ".repeat(1000));
        CompressedValue honest = (CompressedValue) real.stored();

        assertThat((String) this.codec.decode(new CompressedValue(honest.lz4(), honest.rawLength())))
            .isEqualTo("wedding ".repeat(1000));
        for (int claimed : new int[] { Integer.MAX_VALUE, -1, 0, honest.lz4().length * 255 + 1 }) {
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> this.codec.decode(new CompressedValue(honest.lz4(), claimed)))
                .withMessageContaining("claims rawLength " + claimed);
        }
    }

    @Test
    void aStoredCompressedValueThatDecodesShorterThanItClaimsIsRefused() {
        CompressedValue honest = (CompressedValue) this.codec.encode("photo_thumbnails", "wedding ".repeat(1000))
            .stored();

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
            .isThrownBy(() -> this.codec.decode(new CompressedValue(honest.lz4(), honest.rawLength() + 10)))
            .withMessageContaining("decodes to " + honest.rawLength() + " bytes");
    }

    @Test
    void aStoredLz4BlockOverTheValueLimitIsRefusedBeforeAllocating() {
        byte[] forged = new byte[64 * 1024 + 1];

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
            .isThrownBy(() -> this.codec.decode(new CompressedValue(forged, 200 * 1024 * 1024)))
            .withMessageContaining("over the limit of 65536 bytes");
    }

    @Test
    void aStoredCompressedValueThatIsNotLz4IsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
            .isThrownBy(() -> this.codec.decode(new CompressedValue(new byte[] { (byte) 0xff, 1, 2, 3 }, 100)))
            .withMessageContaining("is not a valid LZ4 block");
    }

    @Test
    void aValueOverTheLimitBeforeCompressionIsRefusedHoweverWellItCompresses() {
        String atLimit = sized(MAX_RAW);
        String overLimit = sized(MAX_RAW + 1);

        assertThat(this.codec.<String>decode(this.codec.encode("vendor_responses", atLimit).stored()))
            .isEqualTo(atLimit);
        assertThatThrownBy(() -> this.codec.encode("vendor_responses", overLimit))
            .isInstanceOf(ValueTooLargeException.class)
            .hasMessage("value for region vendor_responses is 1048577 bytes before compression; the limit is 1048576"
                    + " bytes (maxUncompressedValueBytes)");
    }

    @Test
    void aStoredCompressedValueClaimingMoreThanTheLimitBeforeCompressionIsRefusedBeforeAllocating() {
        // What another writer with a higher limit can store: a genuine block that decodes
        // to 4 MiB.
        ValueCodec generous = new ValueCodec(ClientInternals.Serialization.of(this.serialization), THRESHOLD, 64 * 1024,
                8 * MAX_RAW);
        CompressedValue large = (CompressedValue) generous.encode("vendor_responses", sized(4 * MAX_RAW)).stored();

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
            .isThrownBy(() -> this.codec.decode(large))
            .withMessage("a stored compressed value claims rawLength " + (4 * MAX_RAW) + ", over the limit of "
                    + MAX_RAW + " bytes (maxUncompressedValueBytes), so it is refused");
        assertThat(generous.<String>decode(large)).hasSize(4 * MAX_RAW - this.serialization.toData("").totalSize());
    }

}

package com.wedsync.grid.client.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * A value stored LZ4-compressed: the compressed bytes of its Hazelcast serialized form, and that form's length.
 * Wire format: Compact type {@value Serializer#TYPE_NAME} with fields {@code lz4} (int8 array, an LZ4 block) and
 * {@code rawLength} (int32).
 *
 * @param lz4 the LZ4 block
 * @param rawLength the length of the serialized value it holds
 */
public record CompressedValue(byte[] lz4, int rawLength) {

    /** The Compact serializer of {@link CompressedValue}. */
    public static final class Serializer implements CompactSerializer<CompressedValue> {

        /** The Compact type name on the wire. */
        public static final String TYPE_NAME = "WedSyncCompressedValue";

        @Override
        public CompressedValue read(CompactReader reader) {
            return new CompressedValue(reader.readArrayOfInt8("lz4"), reader.readInt32("rawLength"));
        }

        @Override
        public void write(CompactWriter writer, CompressedValue value) {
            writer.writeArrayOfInt8("lz4", value.lz4());
            writer.writeInt32("rawLength", value.rawLength());
        }

        @Override
        public String getTypeName() {
            return TYPE_NAME;
        }

        @Override
        public Class<CompressedValue> getCompactClass() {
            return CompressedValue.class;
        }
    }
}

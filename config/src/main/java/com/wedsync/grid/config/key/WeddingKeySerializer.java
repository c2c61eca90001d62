package com.wedsync.grid.config.key;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * The explicit Compact serializer of {@link WeddingKey}: a fixed type name and field
 * names, so the format does not depend on Java class names and other languages' clients
 * can read and write it.
 */
public final class WeddingKeySerializer implements CompactSerializer<WeddingKey> {

    /** The Compact type name on the wire. */
    public static final String TYPE_NAME = "WeddingKey";

    @Override
    public WeddingKey read(CompactReader reader) {
        return new WeddingKey(reader.readString("weddingId"), reader.readString("itemId"));
    }

    @Override
    public void write(CompactWriter writer, WeddingKey key) {
        writer.writeString("weddingId", key.weddingId());
        writer.writeString("itemId", key.itemId());
    }

    @Override
    public String getTypeName() {
        return TYPE_NAME;
    }

    @Override
    public Class<WeddingKey> getCompactClass() {
        return WeddingKey.class;
    }

}

package com.wedsync.grid.config.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.wedsync.grid.config.catalog.Outcomes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Wedding keys built from random ids, directly and as another language's client would
 * send them (a Compact {@code WeddingKey} record read back through the serializer): each
 * ends in a key or an {@link IllegalArgumentException} naming the field, never another
 * exception, an error or a hang.
 */
class WeddingKeyPropertyTests {

    private static final InternalSerializationService SERIALIZATION = serialization();

    @Property(tries = 500)
    void randomIdsMakeAKeyOrAnErrorNamingTheField(@ForAll("ids") String weddingId, @ForAll("ids") String itemId) {
        IllegalArgumentException error = (IllegalArgumentException) Outcomes.resultOrNamedError(
                weddingId + " / " + itemId, IllegalArgumentException.class, () -> new WeddingKey(weddingId, itemId));
        if (error == null) {
            assertThat(new WeddingKey(weddingId, itemId).getPartitionKey()).isEqualTo(weddingId);
        }
        else {
            assertThat(error.getMessage()).containsAnyOf("WeddingKey.weddingId", "WeddingKey.itemId");
        }
    }

    @Property(tries = 300)
    void aCompactRecordFromAnotherClientReadsAsAKeyOrAnErrorNamingTheField(@ForAll("ids") String weddingId,
            @ForAll("ids") String itemId) {
        Data data = SERIALIZATION.toData(GenericRecordBuilder.compact(WeddingKeySerializer.TYPE_NAME)
            .setString("weddingId", weddingId)
            .setString("itemId", itemId)
            .build());
        RuntimeException error = Outcomes.resultOrNamedError(weddingId + " / " + itemId,
                HazelcastSerializationException.class, () -> SERIALIZATION.toObject(data));
        if (error == null) {
            // The wire carries UTF-8: what was sent arrives, except an unpaired
            // surrogate, which the sender's encoding already replaced (and which the
            // key's constructor refuses on the Java side).
            assertThat((Object) SERIALIZATION.toObject(data)).isEqualTo(new WeddingKey(utf8(weddingId), utf8(itemId)));
        }
        else {
            assertThat(error).rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .containsAnyOf("WeddingKey.weddingId", "WeddingKey.itemId");
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars(" \t\n\u00a0\u2003\u0000").ofMaxLength(5),
                Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(40), Arbitraries.just(null));
    }

    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static InternalSerializationService serialization() {
        SerializationConfig config = new SerializationConfig();
        config.getCompactSerializationConfig().addSerializer(new WeddingKeySerializer());
        return new DefaultSerializationServiceBuilder().setConfig(config).setSchemaService(new LocalSchemas()).build();
    }

    /**
     * The schemas of one JVM's serialization service; a cluster shares them, this test
     * has no cluster.
     */
    private static final class LocalSchemas implements SchemaService {

        private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public Schema get(long id) {
            return this.schemas.get(id);
        }

        @Override
        public void put(Schema schema) {
            this.schemas.put(schema.getSchemaId(), schema);
        }

        @Override
        public void putLocal(Schema schema) {
            put(schema);
        }

    }

}

package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.grid.client.internal.StoredForms;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client deserializes Java-serialized values only of the JDK's basic types and of the
 * classes its settings allow, against one real member: another client writes values of
 * other classes, and reading them fails with {@link ValueClassNotAllowedException} before
 * any of their code runs, by every read path (near-cached, batch, asynchronous,
 * compressed).
 */
class DeserializationAllowListIT {

    private static LoopbackGrid grid;

    private static GridClient writingClient;

    private static CacheRegion<WeddingKey, Object> writer;

    private static CacheRegion<WeddingKey, Object> strictReader;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("deserialization-allow-list").start(1);
        writingClient = TestClients.connect(grid);
        writer = writingClient.region(DataClass.WEDDING_DATA, Object.class);
        strictReader = TestClients.connect(grid).region(DataClass.WEDDING_DATA, Object.class);
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @BeforeEach
    void countFromZero() {
        Gadget.READS.set(0);
    }

    @Test
    void aValueOfAnUnlistedClassIsRefusedBeforeItsReadObjectRuns() {
        WeddingKey key = new WeddingKey("w-gadget", "get");
        writer.put(key, new Gadget("small"));

        assertThatThrownBy(() -> strictReader.get(key)).isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageStartingWith("region wedding_data: get met a value of a class the client may not deserialize"
                    + " (Resolving class " + Gadget.class.getName() + " is not allowed.)")
            .hasMessageEndingWith("add its class or package to deserializationAllowList"
                    + " (grid.client.deserialization-allow-list)");
        assertThatThrownBy(() -> strictReader.get(key)).isInstanceOf(ValueClassNotAllowedException.class);
        assertThat(Gadget.READS).hasValue(0);
    }

    @Test
    void everyReadPathRefusesIt() {
        WeddingKey key = new WeddingKey("w-gadget", "paths");
        writer.put(key, new Gadget("small"));

        assertThatThrownBy(() -> strictReader.getAll(Set.of(key))).isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageStartingWith("region wedding_data: getAll met a value");
        assertThatThrownBy(() -> strictReader.getAsync(key).toCompletableFuture().get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageStartingWith("region wedding_data: getAsync met a value");
        assertThatThrownBy(() -> strictReader.getOrLoad(key, (k) -> "loaded"))
            .isInstanceOf(ValueClassNotAllowedException.class);
        assertThat(Gadget.READS).hasValue(0);
    }

    @Test
    void aCompressedValueIsRefusedWhenItIsDecoded() {
        WeddingKey key = new WeddingKey("w-gadget", "compressed");
        writer.put(key, new Gadget("x".repeat(64 * 1024)));
        assertThat(writingClient.hazelcast().getMap("wedding_data").get(key)).matches(StoredForms::isCompressed,
                "a compressed value");

        assertThatThrownBy(() -> strictReader.get(key)).isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageStartingWith("region wedding_data: decoding the value of key " + key + " met a value")
            .hasMessageContaining("Resolving class " + Gadget.class.getName() + " is not allowed.");
        assertThat(Gadget.READS).hasValue(0);
    }

    @Test
    void anArrayIsRefusedByTheClassOfItsElements() {
        WeddingKey key = new WeddingKey("w-gadget", "array");
        writer.put(key, new Gadget[] { new Gadget("in an array") });

        assertThatThrownBy(() -> strictReader.get(key)).isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageContaining("Resolving class " + Gadget.class.getName() + " is not allowed.");
        assertThat(Gadget.READS).hasValue(0);
    }

    @Test
    void aKnownJdkGadgetOutsideTheBasicTypesIsRefused() {
        // Hazelcast's own default list (every class whose name starts with "java") would
        // have let this one in.
        WeddingKey key = new WeddingKey("w-gadget", "jmx");
        writer.put(key, new BadAttributeValueExpException("harmless"));

        assertThatThrownBy(() -> strictReader.get(key)).isInstanceOf(ValueClassNotAllowedException.class)
            .hasMessageContaining("Resolving class javax.management.BadAttributeValueExpException is not allowed.");
    }

    @Test
    void aListedClassOrPackageIsReadAndTheJdkTypesInsideItNeedNoEntry() {
        WeddingKey gadgetKey = new WeddingKey("w-allowed", "gadget");
        WeddingKey bookingKey = new WeddingKey("w-allowed", "booking");
        Booking booking = new Booking(LocalDate.of(2027, 6, 12), new ArrayList<>(List.of("Ana", "Ben")),
                new BigDecimal("1250.00"));
        writer.put(gadgetKey, new Gadget("allowed"));
        writer.put(bookingKey, booking);

        CacheRegion<WeddingKey, Object> byClass = reader(List.of(Gadget.class.getName(), Booking.class.getName()));
        CacheRegion<WeddingKey, Object> byPackage = reader(List.of(Gadget.class.getPackageName() + "."));

        assertThat(byClass.get(gadgetKey)).isEqualTo(new Gadget("allowed"));
        assertThat(byClass.get(bookingKey)).isEqualTo(booking);
        assertThat(byPackage.get(gadgetKey)).isEqualTo(new Gadget("allowed"));
        // Each reader deserialized it; Hazelcast's asynchronous read, which the region
        // waits on, may do so twice (its completion callback and the waiting caller race
        // to decode the answer).
        assertThat(Gadget.READS.get()).as("deserializations of the gadget").isBetween(2, 4);
        assertThatThrownBy(() -> reader(List.of(Booking.class.getName())).get(gadgetKey))
            .isInstanceOf(ValueClassNotAllowedException.class);
    }

    private static CacheRegion<WeddingKey, Object> reader(List<String> allowList) {
        return TestClients.connect(grid, TestClients.settings(grid).withDeserializationAllowList(allowList))
            .region(DataClass.WEDDING_DATA, Object.class);
    }

    /**
     * Counts the times its deserialization code ran (a class: Java serialization ignores
     * a record's readObject).
     */
    static final class Gadget implements Serializable {

        static final AtomicInteger READS = new AtomicInteger();

        private static final long serialVersionUID = 1L;

        private final String payload;

        Gadget(String payload) {
            this.payload = payload;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            READS.incrementAndGet();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Gadget gadget && gadget.payload.equals(this.payload);
        }

        @Override
        public int hashCode() {
            return this.payload.hashCode();
        }

    }

    /** A service's value made of JDK types. */
    record Booking(LocalDate date, ArrayList<String> guests, BigDecimal deposit) implements Serializable {
    }

}

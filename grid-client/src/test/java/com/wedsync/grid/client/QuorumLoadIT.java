package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.hazelcast.Quorum;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lone real member with a quorum of 2 stands for the minority side of a split: it
 * refuses wedding writes but answers reads, so getOrLoad returns what the loader found
 * without caching it, while a plain put still fails with the named error.
 */
class QuorumLoadIT {

    private static final WeddingKey KEY = new WeddingKey("w-2026-06-13-minority", "timeline");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LoopbackGrid grid;

    private GridClient client;

    @BeforeEach
    void startLoneMember() {
        this.grid = LoopbackGrid.builder().name("quorum-load").member((member) -> member.quorum(Quorum.of(2))).start(1);
        this.client = TestClients.connect(this.grid, this.registry);
    }

    @AfterEach
    void stopGrid() {
        this.grid.close();
    }

    @Test
    void aPlainPutOfWeddingDataIsRefusedNamingTheProtection() {
        CacheRegion<WeddingKey, String> weddings = this.client.region(DataClass.WEDDING_DATA, String.class);

        assertThatThrownBy(() -> weddings.put(KEY, "written")).isInstanceOf(GridUnavailableException.class)
            .hasMessageStartingWith("region wedding_data: put refused by split-brain protection")
            .hasCauseInstanceOf(SplitBrainProtectionException.class);
        assertThat(unstored(DataClass.WEDDING_DATA)).isZero();
    }

    @Test
    void getOrLoadOfWeddingDataReturnsTheLoadedValueWithoutStoringIt() throws Exception {
        CacheRegion<WeddingKey, String> weddings = this.client.region(DataClass.WEDDING_DATA, String.class);
        AtomicInteger calls = new AtomicInteger();

        assertThat(weddings.getOrLoad(KEY, (key) -> load(calls, "from the database"))).isEqualTo("from the database");
        assertThat(weddings.get(KEY)).as("the refused write stored nothing").isNull();
        assertThat(weddings.getOrLoadAsync(KEY, (key) -> load(calls, "loaded again"))
            .toCompletableFuture()
            .get(LoopbackGrid.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("loaded again");
        assertThat(calls).as("nothing cached: each miss loads").hasValue(2);
        assertThat(unstored(DataClass.WEDDING_DATA)).isEqualTo(2.0);
        assertThat(this.registry.get("grid.region.loads")
            .tag("region", "wedding_data")
            .tag("result", "success")
            .counter()
            .count()).isEqualTo(2.0);
    }

    @Test
    void getOrLoadOfAnUnprotectedClassStillStoresOnTheSameMember() {
        CacheRegion<WeddingKey, String> vendors = this.client.region(DataClass.VENDOR_RESPONSES, String.class);
        AtomicInteger calls = new AtomicInteger();

        assertThat(vendors.getOrLoad(KEY, (key) -> load(calls, "a quote"))).isEqualTo("a quote");
        assertThat(vendors.getOrLoad(KEY, (key) -> load(calls, "another quote"))).isEqualTo("a quote");
        assertThat(calls).hasValue(1);
        assertThat(unstored(DataClass.VENDOR_RESPONSES)).isZero();
    }

    private double unstored(DataClass dataClass) {
        return this.registry.get("grid.region.loads.unstored").tag("region", dataClass.id()).counter().count();
    }

    private static String load(AtomicInteger calls, String value) {
        calls.incrementAndGet();
        return value;
    }

}

package com.wedsync.grid.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The grid targets against an embedded member: each operation reports the layer that
 * answered it.
 */
class GridTargetIT {

    private static final Targets.TargetOptions EMBEDDED = new Targets.TargetOptions(List.of(), "", 1, 64L << 20,
            "redis://127.0.0.1:6379");

    @Test
    void withNearCachesAReadIsAMissThenAfterAWriteL2ThenL1() {
        try (Target grid = Targets.open("grid", EMBEDDED)) {
            WeddingKey key = new WeddingKey("w-1", "timeline");

            assertThat(grid.execute(get(key))).isEqualTo(Layer.MISS);
            assertThat(grid.execute(new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[2048])))
                .isEqualTo(Layer.WRITE);
            assertThat(grid.execute(get(key))).isEqualTo(Layer.L2);
            assertThat(grid.execute(get(key))).isEqualTo(Layer.L1);
        }
    }

    @Test
    void asynchronouslyWithNearCachesAReadIsAMissThenAfterAWriteL2ThenL1() {
        try (Target grid = Targets.open("grid", EMBEDDED)) {
            WeddingKey key = new WeddingKey("w-4", "timeline");

            assertThat(async(grid, get(key))).isEqualTo(Layer.MISS);
            assertThat(async(grid, new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[2048])))
                .isEqualTo(Layer.WRITE);
            assertThat(async(grid, get(key))).isEqualTo(Layer.L2);
            // Hazelcast fills the near cache from an asynchronous read on its own
            // scheduler, after the read's future completes: the next read may still go to
            // the grid.
            await().atMost(Duration.ofSeconds(10)).until(() -> grid.execute(get(key)) == Layer.L1);
            assertThat(async(grid, get(key))).isEqualTo(Layer.L1);
        }
    }

    @Test
    void asynchronouslyWithoutNearCachesEveryReadGoesToTheGrid() {
        try (Target grid = Targets.open("grid-l2", EMBEDDED)) {
            WeddingKey key = new WeddingKey("w-5", "timeline");

            assertThat(async(grid, get(key))).isEqualTo(Layer.MISS);
            assertThat(async(grid, new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[16])))
                .isEqualTo(Layer.WRITE);
            for (int i = 0; i < 20; i++) {
                assertThat(async(grid, get(key))).isEqualTo(Layer.L2);
            }
        }
    }

    @Test
    void withoutNearCachesEveryReadGoesToTheGrid() {
        try (Target grid = Targets.open("grid-l2", EMBEDDED)) {
            WeddingKey key = new WeddingKey("w-2", "timeline");
            grid.execute(new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[16]));

            assertThat(grid.execute(get(key))).isEqualTo(Layer.L2);
            assertThat(grid.execute(get(key))).isEqualTo(Layer.L2);
        }
    }

    @Test
    void caffeineAnswersFromMemory() {
        try (Target caffeine = Targets.open("caffeine", EMBEDDED)) {
            WeddingKey key = new WeddingKey("w-3", "timeline");

            assertThat(caffeine.execute(get(key))).isEqualTo(Layer.MISS);
            caffeine.execute(new Operation(OpType.PUT, DataClass.WEDDING_DATA, key, new byte[16]));
            assertThat(caffeine.execute(get(key))).isEqualTo(Layer.L1);
        }
    }

    @Test
    void anUnknownTargetIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Targets.open("memcached", EMBEDDED)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--target 'memcached' is not one of [grid, grid-l2, caffeine, redis]");
    }

    private static Layer async(Target target, Operation operation) {
        return target.executeAsync(operation).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Operation get(WeddingKey key) {
        return new Operation(OpType.GET, DataClass.WEDDING_DATA, key, null);
    }

}

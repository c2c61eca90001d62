package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.IMap;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.testkit.LoopbackGrid;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every region call gives up at the client's operation timeout, whatever holds it on the
 * grid. A key locked on the member holds writes to it on the member until the lock goes
 * (Hazelcast's client would wait for the member's own 60 s call timeout, and then retry):
 * the region's calls fail at the operation timeout with a
 * {@link GridUnavailableException} that names the region, the call and the timeout. The
 * same bound covers a call held by a frozen partition owner, which the reduced chaos
 * suite cannot freeze in-process.
 */
class OperationTimeoutIT {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Far below the 60 s the member would hold the call, far above the timeout on a
     * loaded 2-core machine.
     */
    private static final long GIVES_UP_WITHIN_MILLIS = 15_000;

    private static LoopbackGrid grid;

    private static CacheRegion<String, String> region;

    private static IMap<Object, Object> memberMap;

    @BeforeAll
    static void startGrid() {
        grid = LoopbackGrid.builder().name("operation-timeout").start(1);
        GridClientSettings settings = TestClients.settings(grid)
            .withTimeouts(Duration.ofSeconds(20), OPERATION_TIMEOUT);
        region = TestClients.connect(grid, settings).region(DataClass.WEDDING_DATA, String.class);
        memberMap = grid.members().get(0).getMap("wedding_data");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aPutHeldOnTheMemberFailsAtTheOperationTimeout() throws InterruptedException {
        assertGivesUp("put", () -> region.put("wedding-1:timeline", "v1"), "wedding-1:timeline");
    }

    @Test
    void aRemoveHeldOnTheMemberFailsAtTheOperationTimeout() throws InterruptedException {
        assertGivesUp("remove", () -> region.remove("wedding-2:timeline"), "wedding-2:timeline");
    }

    @Test
    void aPutIfAbsentHeldOnTheMemberFailsAtTheOperationTimeout() throws InterruptedException {
        assertGivesUp("putIfAbsent", () -> region.putIfAbsent("wedding-3:timeline", "v1"), "wedding-3:timeline");
    }

    @Test
    void anAsyncPutHeldOnTheMemberFailsAtTheOperationTimeout() throws InterruptedException {
        assertGivesUp("putAsync", () -> region.putAsync("wedding-5:timeline", "v1").toCompletableFuture().join(),
                "wedding-5:timeline");
    }

    @Test
    void callsOnOtherKeysAnswerMeanwhile() {
        memberMap.lock("wedding-6:timeline");
        try {
            region.put("wedding-7:timeline", "v7");
            assertThat(region.get("wedding-7:timeline")).isEqualTo("v7");
        }
        finally {
            memberMap.unlock("wedding-6:timeline");
        }
    }

    private static void assertGivesUp(String operation, ThrowingCallable call, String lockedKey)
            throws InterruptedException {
        assertThat(memberMap.tryLock(lockedKey, 5, TimeUnit.SECONDS)).as("locked " + lockedKey).isTrue();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(call)
                .satisfies((thrown) -> assertThat(unwrapped(thrown)).isInstanceOf(GridUnavailableException.class)
                    .hasMessageStartingWith("region wedding_data: " + operation
                            + " got no answer from the grid within 1s (operationTimeout)"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("%s gave up after %d ms", operation, millis)
                .isGreaterThanOrEqualTo(OPERATION_TIMEOUT.toMillis() - 50)
                .isLessThan(GIVES_UP_WITHIN_MILLIS);
        }
        finally {
            memberMap.unlock(lockedKey);
        }
    }

    private static Throwable unwrapped(Throwable thrown) {
        return (thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null)
                ? thrown.getCause() : thrown;
    }

}

package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTests {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        this.pool.shutdownNow();
    }

    @Test
    void concurrentCallersOfOneKeyShareOneLoad() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(10));
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(CompletableFuture.supplyAsync(() -> flight.load("k", () -> {
                loads.incrementAndGet();
                awaitQuietly(release);
                return "v";
            }), this.pool));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1 && flight.inFlight() == 1);

        release.countDown();

        for (CompletableFuture<String> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("v");
        }
        assertThat(loads).hasValue(1);
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void theLoadsExceptionReachesLeaderAndWaitersAndIsNotRemembered() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> leader = CompletableFuture.supplyAsync(() -> flight.load("k", () -> {
            awaitQuietly(release);
            throw new IllegalStateException("vendor API down");
        }), this.pool);
        await().atMost(Duration.ofSeconds(10)).until(() -> flight.inFlight() == 1);
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
            waiterThread.set(Thread.currentThread());
            return flight.load("k", () -> "never");
        }, this.pool);
        // the waiter is parked on the leader's result before the leader fails
        await().atMost(Duration.ofSeconds(10))
            .until(() -> waiterThread.get() != null && waiterThread.get().getState() == Thread.State.TIMED_WAITING);

        release.countDown();

        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("vendor API down");
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("vendor API down");
        assertThat(flight.load("k", () -> "fresh")).isEqualTo("fresh");
    }

    @Test
    void aWaiterGivesUpAfterTheLoadTimeoutNamingIt() {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.supplyAsync(() -> flight.load("k", () -> {
            awaitQuietly(release);
            return "late";
        }), this.pool);
        await().atMost(Duration.ofSeconds(10)).until(() -> flight.inFlight() == 1);
        try {
            assertThatThrownBy(() -> flight.load("k", () -> "never")).isInstanceOf(IllegalStateException.class)
                .hasMessage("another caller's load of the same key took longer than 200 ms (loadTimeout)");
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void differentKeysLoadIndependently() {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(1));

        assertThat(flight.load("a", () -> "A")).isEqualTo("A");
        assertThat(flight.load("b", () -> "B")).isEqualTo("B");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}

package com.wedsync.grid.node.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSafetyTests {

    private static final Duration WAIT = Duration.ofMillis(50);

    @Test
    void aCheckThatAnswersWithinTheBoundIsReadAsItAnswered() {
        AtomicInteger checks = new AtomicInteger();
        try (LocalSafety safe = new LocalSafety(() -> checks.incrementAndGet() > 0, WAIT);
                LocalSafety unsafe = new LocalSafety(() -> false, WAIT)) {
            assertThat(safe.isSafe()).isTrue();
            assertThat(safe.isSafe()).isTrue();
            assertThat(unsafe.isSafe()).isFalse();
        }
        assertThat(checks).as("a finished check is not reused: each call asks again").hasValue(2);
    }

    @Test
    void aCheckThatHangsIsNotSafeAndCallersShareItUntilItAnswers() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        try (LocalSafety safety = new LocalSafety(() -> {
            checks.incrementAndGet();
            try {
                return answer.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, WAIT)) {
            assertThat(safety.isSafe()).as("a check that has not answered within the bound").isFalse();
            assertThat(safety.isSafe()).isFalse();
            assertThat(checks).as("callers share the check that still runs").hasValue(1);

            answer.countDown();
            await().atMost(Duration.ofSeconds(10)).until(safety::isSafe);
        }
    }

    @Test
    void aCheckThatFailsOrRunsAfterCloseIsNotSafe() {
        try (LocalSafety failing = new LocalSafety(() -> {
            throw new IllegalStateException("member shutting down");
        }, WAIT)) {
            assertThat(failing.isSafe()).isFalse();
        }
        LocalSafety closed = new LocalSafety(() -> true, WAIT);
        closed.close();
        assertThat(closed.isSafe()).isFalse();
    }

}

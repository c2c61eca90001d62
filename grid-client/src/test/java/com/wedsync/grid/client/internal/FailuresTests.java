package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.client.GridUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTests {

    private static final String REFUSAL = "Split brain protection exception: wedsync-quorum has failed!";

    private final Failures failures = new Failures("wedding_data", Duration.ofSeconds(3), Runnable::run);

    private final Failures shortTimeout = new Failures("wedding_data", Duration.ofMillis(200),
            (task) -> new Thread(task, "failures-test").start());

    @Test
    void aCallWithoutAnAnswerFailsAtTheOperationTimeoutNamingRegionOperationAndTimeout() {
        CompletableFuture<Object> never = new CompletableFuture<>();

        assertThatThrownBy(() -> this.shortTimeout.await("put", () -> never))
            .isInstanceOf(GridUnavailableException.class)
            .hasCauseInstanceOf(TimeoutException.class)
            .hasMessage("region wedding_data: put got no answer from the grid within 200ms (operationTimeout);"
                    + " a write may or may not have been applied");
    }

    @Test
    void aBlockingCallWithoutAnAnswerFailsAtTheOperationTimeoutAndItsThreadFinishesLater() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> this.shortTimeout.bounded("getAll", () -> {
                await(release);
                return "late";
            })).isInstanceOf(GridUnavailableException.class)
                .hasMessageStartingWith("region wedding_data: getAll got no answer from the grid within 200ms");
        }
        finally {
            release.countDown();
        }
        assertThat(this.shortTimeout.bounded("getAll", () -> "value")).isEqualTo("value");
    }

    @Test
    void aBlockingCallRunsInTheCallerWhenNoThreadIsFree() {
        Failures saturated = new Failures("wedding_data", Duration.ofMillis(200), (task) -> {
            throw new RejectedExecutionException("all taken");
        });

        assertThat(saturated.bounded("getAll", () -> Thread.currentThread().getName()))
            .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anAsyncCallWithoutAnAnswerFailsAtTheOperationTimeout() {
        CompletableFuture<Object> never = new CompletableFuture<>();

        assertThatThrownBy(() -> this.shortTimeout.boundedAsync("getAsync", never).toCompletableFuture().get())
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(GridUnavailableException.class)
            .hasMessageStartingWith("region wedding_data: getAsync got no answer from the grid within 200ms");
        assertThat(never).as("the call's own future is left alone").isNotDone();
    }

    @Test
    void aFailedAwaitedCallIsTranslatedAsABlockingOneIs() {
        CompletableFuture<Object> timedOut = CompletableFuture.failedFuture(new OperationTimeoutException("no answer"));
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> this.failures.await("get", () -> timedOut))
            .isInstanceOf(GridUnavailableException.class)
            .hasMessage("region wedding_data: get got no answer from the grid within 3s (operationTimeout): no answer");
        assertThatThrownBy(() -> this.failures.await("get", () -> CompletableFuture.failedFuture(bug))).isSameAs(bug);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriteRefusedBySplitBrainProtectionNamesTheRegionTheOperationAndTheQuorum() {
        assertThatThrownBy(() -> this.failures.run("put", () -> {
            throw new SplitBrainProtectionException(REFUSAL);
        })).isInstanceOf(GridUnavailableException.class)
            .hasCauseInstanceOf(SplitBrainProtectionException.class)
            .hasMessage("region wedding_data: put refused by split-brain protection: the member's side of a network"
                    + " split has fewer members than its quorum, so the write was not applied; retry once the split"
                    + " heals: " + REFUSAL);
    }

    @Test
    void anAsyncWriteRefusedBySplitBrainProtectionFailsWithTheSameNamedError() {
        CompletableFuture<Object> refused = CompletableFuture.failedFuture(new SplitBrainProtectionException(REFUSAL));

        assertThatThrownBy(() -> this.failures.translated("putAsync", refused).toCompletableFuture().get())
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(GridUnavailableException.class)
            .hasMessageStartingWith("region wedding_data: putAsync refused by split-brain protection:");
    }

    @Test
    void aTimeoutStillNamesTheOperationTimeout() {
        assertThatThrownBy(() -> this.failures.call("get", () -> {
            throw new OperationTimeoutException("no answer");
        })).isInstanceOf(GridUnavailableException.class)
            .hasMessage("region wedding_data: get got no answer from the grid within 3s (operationTimeout): no answer");
    }

    @Test
    void onlyTheTranslatedSplitBrainRefusalCountsAsRefusedByQuorum() {
        RuntimeException refused = translated(new SplitBrainProtectionException(REFUSAL));
        RuntimeException timedOut = translated(new OperationTimeoutException("no answer"));

        assertThat(Failures.refusedByQuorum(refused)).isTrue();
        assertThat(Failures.refusedByQuorum(timedOut)).isFalse();
        assertThat(Failures.refusedByQuorum(new SplitBrainProtectionException(REFUSAL))).as("untranslated").isFalse();
    }

    @Test
    void otherFailuresPassUnchanged() {
        IllegalStateException other = new IllegalStateException("bug");

        assertThatThrownBy(() -> this.failures.call("get", () -> {
            throw other;
        })).isSameAs(other);
        assertThat(this.failures.call("get", () -> "value")).isEqualTo("value");
    }

    private RuntimeException translated(RuntimeException cause) {
        try {
            this.failures.run("put", () -> {
                throw cause;
            });
        }
        catch (RuntimeException ex) {
            return ex;
        }
        throw new AssertionError("not thrown: " + cause);
    }

}

package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.wedsync.grid.client.GridUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTests {

    private static final String REFUSAL = "Split brain protection exception: wedsync-quorum has failed!";

    private final Failures failures = new Failures("wedding_data", Duration.ofSeconds(3));

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

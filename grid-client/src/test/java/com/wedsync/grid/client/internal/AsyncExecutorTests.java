package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's thread-per-callback fallback is replaced by a pool, and nothing else is.
 * The real fallback exists only in a JVM whose common pool has parallelism 1, so that
 * case runs in a child JVM launched that way.
 */
class AsyncExecutorTests {

    @Test
    void aJvmWithCommonParallelismOneRunsHazelcastCallbacksOnAtMostTwoPooledThreads() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1",
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
            .redirectErrorStream(true)
            .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

        assertThat(output).isEqualTo("installed=true atMostTwoThreads=true names=grid-client-async-");
    }

    @Test
    void theCommonPoolAndExecutorsOfOthersAreLeftAlone() {
        Executor someoneElses = Runnable::run;

        assertThat(AsyncExecutor.threadPerTask(ForkJoinPool.commonPool(), 1)).isFalse();
        assertThat(AsyncExecutor.threadPerTask(someoneElses, 1)).isFalse();
        assertThat(AsyncExecutor.threadPerTask(ConcurrencyUtil.getDefaultAsyncExecutor(), 4)).isFalse();
        assertThat(AsyncExecutor.ensurePooled()).isFalse();
    }

    /**
     * Runs in the child JVM: installs the pool, runs 200 callbacks, prints what ran them.
     */
    static final class Child {

        public static void main(String[] args) throws InterruptedException, IOException {
            boolean installed = AsyncExecutor.ensurePooled();
            Set<String> names = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(200);
            for (int i = 0; i < 200; i++) {
                ConcurrencyUtil.getDefaultAsyncExecutor().execute(() -> {
                    names.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            done.await(30, TimeUnit.SECONDS);
            String prefix = names.stream()
                .map((name) -> name.replaceAll("\\d+$", ""))
                .distinct()
                .reduce((a, b) -> a + "," + b)
                .orElse("");
            System.out.println("installed=" + installed + " atMostTwoThreads="
                    + (names.size() <= AsyncExecutor.PARALLELISM) + " names=" + prefix);
        }

    }

}

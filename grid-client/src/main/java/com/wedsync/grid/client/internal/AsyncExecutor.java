package com.wedsync.grid.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives Hazelcast's asynchronous callbacks a pool where the JVM's common pool cannot
 * serve them. Hazelcast runs them in the common pool only if its parallelism is above 1;
 * otherwise (any JVM that sees 2 CPUs or fewer and was not launched with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism}) it starts a new thread
 * for every callback, and a client {@code putAll}, which completes through callbacks,
 * becomes 4-10x slower (100K values of 1 KiB: 7-11 s instead of 2-3 s, measured). The
 * replacement is JVM-wide, like Hazelcast's default.
 */
final class AsyncExecutor {

    /**
     * Threads of the replacement pool: callbacks are short, and machines that need it
     * have 2 CPUs or fewer.
     */
    static final int PARALLELISM = 2;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private AsyncExecutor() {
    }

    /**
     * Installs a pool as Hazelcast's default async executor if the current one starts a
     * thread per task.
     * @return whether it installed one
     */
    static synchronized boolean ensurePooled() {
        if (!threadPerTask(ClientInternals.asyncExecutor(), ForkJoinPool.getCommonPoolParallelism())) {
            return false;
        }
        ClientInternals.asyncExecutor(new ForkJoinPool(PARALLELISM, AsyncExecutor::thread, null, true));
        return true;
    }

    /**
     * Tells whether an executor is Hazelcast's thread-per-task fallback, which it picks
     * when the common pool has a parallelism of 1; an executor someone else installed is
     * left alone.
     * @param executor Hazelcast's current default async executor
     * @param commonParallelism the common pool's parallelism
     * @return true if it should be replaced
     */
    static boolean threadPerTask(Executor executor, int commonParallelism) {
        return commonParallelism < 2 && ClientInternals.isThreadPerTask(executor);
    }

    private static ForkJoinWorkerThread thread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("grid-client-async-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

}

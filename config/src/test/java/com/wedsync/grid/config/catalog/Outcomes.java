package com.wedsync.grid.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The contract of a parser fed with random input: it returns a result or throws its
 * documented, named error with a message, never another exception type, never an
 * {@link Error} (stack overflow), and never hangs. Each call runs on a daemon thread
 * bounded by {@link #TIMEOUT}. Property tests only.
 */
public final class Outcomes {

    /** How long one case may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool((task) -> {
        Thread thread = new Thread(task, "property-case");
        thread.setDaemon(true);
        return thread;
    });

    private Outcomes() {
    }

    /**
     * Runs one case.
     * @param <T> the result type
     * @param input the input, shown when the case fails
     * @param named the only exception type the call may throw
     * @param call the call under test
     * @return the error thrown, or {@code null} when the call returned a non-null result
     */
    public static <T> RuntimeException resultOrNamedError(Object input, Class<? extends RuntimeException> named,
            Callable<T> call) {
        Future<T> future = RUNNER.submit(call);
        try {
            T result = future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(result).as("result of %s", input).isNotNull();
            return null;
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            return fail("no outcome within " + TIMEOUT + " for input " + input);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (!named.isInstance(cause)) {
                throw new AssertionError("input " + input + " ended in " + cause + ", not a " + named.getSimpleName(),
                        cause);
            }
            assertThat(cause.getMessage()).as("message of %s", cause).isNotBlank();
            return named.cast(cause);
        }
    }

}

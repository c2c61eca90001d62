package com.wedsync.grid.node.monitoring;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code promtool} (Debian's {@code prometheus} package), run as a process with
 * a time limit. When it is not on the {@code PATH} the tests that need it are skipped
 * with a message that says how to install it, unless {@code CI=true}: then they fail, so
 * that CI never passes without having run them.
 */
final class Promtool {

    /** The longest one promtool call may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    /**
     * Finds promtool on the {@code PATH}, or skips (fails under {@code CI=true}) the
     * calling test.
     * @return the tool
     */
    static Promtool require() {
        Optional<Path> found = onPath();
        if (found.isEmpty()) {
            String message = "promtool is not on the PATH; install it with `apt-get install -y prometheus`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the promtool tests must run)");
            }
            assumeTrue(false, message + ": skipping the promtool tests");
        }
        return new Promtool(found.get());
    }

    /**
     * Runs promtool in a directory and waits for it.
     * @param directory the working directory (rule files name each other relative to it)
     * @param arguments for example {@code check rules grid-alerts.yml}
     * @return its exit code and output
     */
    Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(this.executable.toString()));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(directory, "promtool", ".out");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * What a promtool call did.
     *
     * @param exitCode its exit code
     * @param output its standard output and error, interleaved
     */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return this.exitCode == 0;
        }
    }

}

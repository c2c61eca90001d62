package com.wedsync.grid.config.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Java sources of a module that match a pattern, for tests that keep a rule of
 * the codebase (which class may import Hazelcast's internals, which types a package
 * shows).
 */
public final class SourceScan {

    /**
     * An import of Hazelcast's internals: {@code com.hazelcast.*.impl.*} or
     * {@code com.hazelcast.*.internal.*}.
     */
    public static final Pattern HAZELCAST_INTERNALS = Pattern
        .compile("^import\\s+(static\\s+)?com\\.hazelcast\\.([\\w.]+\\.)?(impl|internal)\\.", Pattern.MULTILINE);

    /** A top-level public type. */
    public static final Pattern PUBLIC_TYPE = Pattern
        .compile("^public\\s+(final\\s+|abstract\\s+|sealed\\s+)*(class|interface|record|enum)\\s", Pattern.MULTILINE);

    /**
     * The main sources of the module a test runs in (Surefire and Failsafe run in the
     * module's folder).
     */
    public static final Path MAIN_SOURCES = Path.of("src/main/java");

    private SourceScan() {
    }

    /**
     * Returns the {@code .java} files below a folder whose text matches a pattern,
     * sorted.
     * @param root the folder
     * @param pattern the pattern, found anywhere in the file
     * @return the files
     * @throws IllegalStateException when the folder holds no Java file, so a moved folder
     * cannot pass unnoticed
     */
    public static List<Path> sourcesMatching(Path root, Pattern pattern) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
            if (sources.isEmpty()) {
                throw new IllegalStateException("no Java sources below " + root.toAbsolutePath());
            }
            return sources.stream().filter((file) -> pattern.matcher(read(file)).find()).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}

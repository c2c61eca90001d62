package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code internal.ClientInternals} the only class of grid-client that imports Hazelcast's internals
 * ({@code com.hazelcast.*.impl.*}, {@code com.hazelcast.*.internal.*}), and {@code internal.ClientRuntime} the only
 * public type of the internal package (what {@link GridClient} needs).
 */
class HazelcastInternalsImportTests {

    private static final Pattern INTERNAL_IMPORT = Pattern
        .compile("^import\\s+(static\\s+)?com\\.hazelcast\\.([\\w.]+\\.)?(impl|internal)\\.", Pattern.MULTILINE);

    private static final Pattern PUBLIC_TYPE = Pattern.compile("^public\\s+(final\\s+|abstract\\s+)*"
            + "(class|interface|record|enum)\\s", Pattern.MULTILINE);

    private static final Path SOURCES = Path.of("src/main/java");

    private static final Path INTERNAL = SOURCES.resolve("com/wedsync/grid/client/internal");

    @Test
    void onlyClientInternalsImportsHazelcastInternals() {
        assertThat(sourcesMatching(SOURCES, INTERNAL_IMPORT)).containsExactly(INTERNAL.resolve("ClientInternals.java"));
    }

    @Test
    void theInternalPackageShowsOnlyClientRuntime() {
        assertThat(sourcesMatching(INTERNAL, PUBLIC_TYPE)).containsExactly(INTERNAL.resolve("ClientRuntime.java"));
    }

    private static List<Path> sourcesMatching(Path root, Pattern pattern) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter((file) -> file.toString().endsWith(".java"))
                .filter((file) -> pattern.matcher(read(file)).find())
                .sorted()
                .toList();
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

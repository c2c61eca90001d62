package com.wedsync.grid.config;

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
 * Keeps {@code hazelcast.MemberInternals} the only class of the config module that imports Hazelcast's internals
 * ({@code com.hazelcast.*.impl.*}, {@code com.hazelcast.*.internal.*}), so that what an upgrade may break stays in
 * one place, tested against a real member by {@code MemberInternalsIT}.
 */
class HazelcastInternalsImportTests {

    private static final Pattern INTERNAL_IMPORT = Pattern
        .compile("^import\\s+(static\\s+)?com\\.hazelcast\\.([\\w.]+\\.)?(impl|internal)\\.", Pattern.MULTILINE);

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void onlyMemberInternalsImportsHazelcastInternals() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> importers = files.filter((file) -> file.toString().endsWith(".java"))
                .filter((file) -> INTERNAL_IMPORT.matcher(read(file)).find())
                .toList();
            assertThat(importers)
                .containsExactly(SOURCES.resolve("com/wedsync/grid/config/hazelcast/MemberInternals.java"));
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

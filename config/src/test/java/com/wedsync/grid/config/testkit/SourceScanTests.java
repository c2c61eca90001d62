package com.wedsync.grid.config.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScanTests {

    @Test
    void findsOnlyTheSourcesThatImportHazelcastInternals(@TempDir Path root) throws IOException {
        Path door = write(root, "a/Door.java", "package a;\n\nimport com.hazelcast.map.impl.MapService;\n");
        write(root, "a/Api.java",
                "package a;\n\nimport com.hazelcast.map.IMap;\n// import com.hazelcast.internal.Foo;\n");
        write(root, "a/Static.java", "package a;\n\nimport static com.hazelcast.internal.util.Preconditions.x;\n");
        write(root, "a/notes.txt", "import com.hazelcast.internal.Foo;\n");

        assertThat(SourceScan.sourcesMatching(root, SourceScan.HAZELCAST_INTERNALS)).containsExactly(door,
                root.resolve("a/Static.java"));
    }

    @Test
    void findsTopLevelPublicTypesOnly(@TempDir Path root) throws IOException {
        Path shown = write(root, "Shown.java", "public final class Shown {\n    public static class Inner {}\n}\n");
        write(root, "Hidden.java", "final class Hidden {\n    public record Inner() {}\n}\n");

        assertThat(SourceScan.sourcesMatching(root, SourceScan.PUBLIC_TYPE)).containsExactly(shown);
    }

    @Test
    void aFolderWithoutSourcesIsAnErrorNotAPass(@TempDir Path root) {
        assertThatIllegalStateException().isThrownBy(() -> SourceScan.sourcesMatching(root, SourceScan.PUBLIC_TYPE))
            .withMessageStartingWith("no Java sources below ");
    }

    private static Path write(Path root, String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

}

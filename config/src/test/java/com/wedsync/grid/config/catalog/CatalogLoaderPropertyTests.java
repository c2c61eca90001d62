package com.wedsync.grid.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The catalog loader fed with mutations of the shipped catalog, random YAML-like junk and
 * random flat overrides: every case ends in a catalog or a {@link CatalogException} with
 * a message, never another exception, an error or a hang. Junk never loads: its
 * characters cannot spell the required {@code protection-window}, so each junk case must
 * end in a {@link CatalogException} whose message starts with {@code catalog:}.
 */
class CatalogLoaderPropertyTests {

    private static final String CATALOG = shippedCatalog();

    private static final List<String> FIELDS = List.of("protection-window", "map", "memory-share", "backup-count",
            "async-backup-count", "ttl.base", "ttl.min", "ttl.max", "max-idle", "eviction", "protect-upcoming",
            "near-cache.enabled", "near-cache.max-entries", "near-cache.ttl", "near-cache.max-idle", "merge-policy");

    private static final List<String> CLASSES = List.of("wedding_data", "vendor_responses", "guest_interactions",
            "photo_thumbnails", "system_cache", "classes", "nope", "");

    @Property(tries = 300)
    void aMutatedShippedCatalogLoadsOrFailsWithACatalogException(@ForAll("mutatedCatalogs") String yaml) {
        load(yaml, Map.of());
    }

    @Property(tries = 300)
    void yamlJunkFailsWithACatalogException(@ForAll("yamlJunk") String yaml) {
        CatalogException error = load(yaml, Map.of());
        assertThat(error).as("the error for junk %s", yaml).isNotNull();
        assertThat(error.getMessage()).startsWith("catalog:");
    }

    @Property(tries = 300)
    void flatOverridesLoadOrFailWithACatalogExceptionNamingTheField(@ForAll("overrideKeys") String key,
            @ForAll("values") String value) {
        CatalogException error = load(CATALOG, Map.of(key, value));
        if (error != null) {
            assertThat(error.getMessage()).startsWith("catalog:");
        }
    }

    @Example
    void aSelfReferencingAliasIsRefused() {
        assertThat(load("protection-window: 7d\nclasses: &loop { wedding_data: *loop }\n", Map.of())).isNotNull();
    }

    @Example
    void aSelfReferencingListAliasIsRefused() {
        assertThat(load("protection-window: 7d\nclasses:\n  wedding_data: { merge-policy: &a [[*a]] }\n", Map.of()))
            .isNotNull();
        assertThat(load("protection-window: 7d\nclasses: { ? &k [*k] : x }\n", Map.of())).isNotNull();
    }

    @Example
    void anAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            String previous = "*a" + (i - 1);
            yaml.append("a")
                .append(i)
                .append(": &a")
                .append(i)
                .append(" [")
                .append(String.join(", ", java.util.Collections.nCopies(10, previous)))
                .append("]\n");
        }
        assertThat(load(yaml.toString(), Map.of())).isNotNull();
    }

    @Example
    void hugeDurationsAreRefusedByName() {
        assertThat(load(CATALOG, Map.of("protection-window", "-PT2562047788015216H"))).isNotNull();
        assertThat(load(CATALOG, Map.of("wedding_data.ttl.max", "PT2562047788015216H"))).isNotNull();
        assertThat(load(CATALOG, Map.of("wedding_data.ttl.base", "99999999999999999d"))).isNotNull();
    }

    @Provide
    Arbitrary<String> mutatedCatalogs() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, CATALOG.length());
        Arbitrary<String> insert = Arbitraries.oneOf(values(), Arbitraries.of(": ", "\n", "  ", "{", "}", "[", "]",
                "&a", "*a", "!!binary", "- ", "#", "'", "\"", "\t", "~", "null", ",", "? "));
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 200);
        return Combinators.combine(position, insert, cut, Arbitraries.of(Mutation.values()))
            .as((at, text, length, mutation) -> mutation.apply(CATALOG, at, text, length));
    }

    @Provide
    Arbitrary<String> yamlJunk() {
        return Arbitraries.strings()
            .withChars("{}[]:,&*!|>-#'\"?%@`\n\t ")
            .withCharRange('a', 'e')
            .withCharRange('0', '9')
            .ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> overrideKeys() {
        Arbitrary<String> known = Combinators.combine(Arbitraries.of(CLASSES), Arbitraries.of(FIELDS))
            .as((id, field) -> id.isEmpty() ? field : id + "." + field);
        Arbitrary<String> junk = Arbitraries.strings().withChars(".-_ ").withCharRange('a', 'z').ofMaxLength(40);
        return Arbitraries.oneOf(known, known.map((k) -> "classes." + k), junk);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-1", "100", "2147483648", "99999999999999999999", "1.5", "NaN", "true", "TRUE",
                        "yes", "", " ", "0s", "1ms", "-5m", "24h", "7d", "P1D", "PT-1S", "PT2562047788015216H",
                        "-PT2562047788015216H", "99999999999999999d", "9223372036854775807ms", "LRU", "lfu", "NONE",
                        "RANDOM", "PassThroughMergePolicy", "wedding_data", "system_cache", "a.b", "{x: 1}", "[1, 2]",
                        "~", "null"));
    }

    /** A way to damage a document. */
    enum Mutation {

        INSERT, REPLACE, DELETE, TRUNCATE;

        String apply(String text, int at, String piece, int length) {
            int end = Math.min(text.length(), at + length);
            return switch (this) {
                case INSERT -> text.substring(0, at) + piece + text.substring(at);
                case REPLACE -> text.substring(0, at) + piece + text.substring(end);
                case DELETE -> text.substring(0, at) + text.substring(end);
                case TRUNCATE -> text.substring(0, at);
            };
        }

    }

    private static CatalogException load(String yaml, Map<String, String> overrides) {
        return (CatalogException) Outcomes.resultOrNamedError(yaml + " with " + overrides, CatalogException.class,
                () -> CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), overrides));
    }

    private static String shippedCatalog() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}

package com.wedsync.grid.config.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the YAML documents shipped in this module (the catalog, the alert rules) safely:
 * plain maps, lists and scalars only, never arbitrary classes.
 */
public final class YamlDocuments {

    private YamlDocuments() {
    }

    /**
     * Opens a resource of this module and hands it to a loader.
     * @param <T> what the loader makes of it
     * @param resource the resource path, for example {@code /wedsync/catalog.yml}
     * @param label the name errors start with, for example {@code catalog}
     * @param loader reads the document
     * @return what the loader returned
     * @throws CatalogException if the resource is not on the class path
     * @throws UncheckedIOException if it cannot be read
     */
    public static <T> T loadResource(String resource, String label, Function<InputStream, T> loader) {
        try (InputStream in = YamlDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException(label + ": resource " + resource + " is not on the class path");
            }
            return loader.apply(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(label + ": cannot read " + resource, ex);
        }
    }

    /**
     * Parses one YAML document.
     * @param yaml the document
     * @param label the name errors start with
     * @return the document's root: a map, a list, a scalar, or {@code null} when empty
     * @throws CatalogException naming the first problem if the text is not valid YAML
     */
    public static Object parse(InputStream yaml, String label) {
        Objects.requireNonNull(yaml, "yaml");
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        }
        catch (YAMLException ex) {
            throw new CatalogException(label + ": not valid YAML: " + firstLine(ex));
        }
        catch (RuntimeException ex) {
            // SnakeYAML's constructors let some of their own failures through, such as a
            // !!binary scalar that is not Base64 (IllegalArgumentException): any failure
            // of the parser means the text is not a valid document.
            throw new CatalogException(
                    label + ": not valid YAML: " + ex.getClass().getSimpleName() + ": " + firstLine(ex));
        }
    }

    private static String firstLine(RuntimeException ex) {
        return (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
    }

}

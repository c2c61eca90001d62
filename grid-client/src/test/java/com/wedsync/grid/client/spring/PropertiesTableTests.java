package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties table of docs/client.md is the one Spring Boot's configuration processor
 * describes (META-INF/spring-configuration-metadata.json, written from
 * {@link GridClientProperties} and its Javadoc), so the documentation cannot drift from
 * the code. {@code -Dgrid.docs.write=true} rewrites the table instead of comparing.
 */
class PropertiesTableTests {

    private static final Path PAGE = Path.of("..", "docs", "client.md");

    private static final String BEGIN = "<!-- grid.client properties: generated from the configuration metadata by"
            + " PropertiesTableTests; -Dgrid.docs.write=true rewrites it -->";

    private static final String END = "<!-- end of grid.client properties -->";

    @Test
    void theClientDocumentationHasTheTableTheMetadataDescribes() throws IOException {
        String table = table(properties());
        if (Boolean.getBoolean("grid.docs.write")) {
            String page = Files.readString(PAGE);
            Files.writeString(PAGE, page.substring(0, page.indexOf(BEGIN) + BEGIN.length()) + "\n" + table
                    + page.substring(page.indexOf(END)));
        }
        String page = Files.readString(PAGE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("docs/client.md has the markers of the table").isNotNegative();
        assertThat(end).isGreaterThan(begin);

        assertThat(page.substring(begin + BEGIN.length(), end))
            .as("docs/client.md's grid.client table; mvn -pl config,grid-client -am verify -Dtest=PropertiesTableTests"
                    + " -Dgrid.docs.write=true rewrites it")
            .isEqualTo("\n" + table);
    }

    @Test
    void everyPropertyHasADescriptionAndEveryRecordComponentAProperty() throws IOException {
        List<JsonNode> properties = properties();
        List<String> names = properties.stream().map((property) -> property.get("name").asString()).toList();

        assertThat(properties).allSatisfy(
                (property) -> assertThat(property.path("description").asString("")).as(property.get("name").asString())
                    .isNotBlank());
        assertThat(names)
            .contains(Arrays.stream(GridClientProperties.class.getRecordComponents())
                .map((component) -> GridClientProperties.PREFIX + "."
                        + GridClientProperties.property(component.getName()))
                .toArray(String[]::new))
            .contains("grid.client.enabled");
    }

    /** The properties, {@code enabled} first, then in the order of the record. */
    private static List<JsonNode> properties() throws IOException {
        try (InputStream in = PropertiesTableTests.class
            .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata on the class path").isNotNull();
            List<JsonNode> properties = new ArrayList<>();
            JsonMapper.builder().build().readTree(in).get("properties").forEach(properties::add);
            List<String> order = Arrays.stream(GridClientProperties.class.getRecordComponents())
                .map((component) -> GridClientProperties.property(component.getName()))
                .toList();
            properties.sort(Comparator.comparingInt((property) -> order
                .indexOf(property.get("name").asString().substring(GridClientProperties.PREFIX.length() + 1))));
            return properties;
        }
    }

    private static String table(List<JsonNode> properties) {
        StringBuilder table = new StringBuilder("| property | environment variable | default | what it does |\n")
            .append("| --- | --- | --- | --- |\n");
        for (JsonNode property : properties) {
            String name = property.get("name").asString();
            JsonNode defaultValue = property.get("defaultValue");
            table.append("| `")
                .append(name)
                .append("` | ")
                .append(environmentVariable(name))
                .append(" | ")
                .append((defaultValue != null) ? "`" + defaultValue.asString() + "`" : "none")
                .append(" | ")
                .append(property.get("description").asString().replaceAll("\\{@code ([^}]*)}", "`$1`"))
                .append(" |\n");
        }
        return table.toString();
    }

    /** The relaxed environment form, and the contract variable where there is one. */
    private static String environmentVariable(String property) {
        String variable = "`" + property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + "`";
        return property.equals(CompressionThresholdEnvironmentPostProcessor.PROPERTY)
                ? variable + ", or `" + CompressionThresholdEnvironmentPostProcessor.VARIABLE + "` below it" : variable;
    }

}

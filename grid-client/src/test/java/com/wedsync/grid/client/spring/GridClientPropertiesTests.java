package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.wedsync.grid.client.GridClientSettings;
import com.wedsync.grid.config.InvalidFieldException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GridClientPropertiesTests {

    @Test
    void everySettingsFieldAPropertySetsMapsToThatProperty() {
        Set<String> properties = Arrays.stream(GridClientProperties.class.getRecordComponents())
            .map((component) -> component.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
        List<String> fields = Arrays.stream(GridClientSettings.class.getRecordComponents())
            .map((component) -> component.getName())
            .filter((field) -> !field.equals("catalog") && !field.equals("clock"))
            .toList();

        assertThat(fields).hasSize(properties.size())
            .allSatisfy((field) -> assertThat(properties).contains(GridClientProperties.property(field)));
    }

    @Test
    void aValueOnlyTheSettingsRefuseIsReportedUnderItsPropertyWithTheFieldAsData() {
        GridClientProperties properties = new GridClientProperties("wedsync-grid", List.of("127.0.0.1"),
                Duration.ofSeconds(10), Duration.ofSeconds(5), DataSize.ofKilobytes(1), DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(16), Duration.ZERO, 0, Duration.ofSeconds(30), Duration.ofSeconds(5),
                List.of("org."));

        assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(properties::toSettings)
            .withMessage("grid.client.deserialization-allow-list: deserializationAllowList entry 'org.' is too broad:"
                    + " name a package of at least two parts, such as 'com.example.'")
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("grid.client.deserialization-allow-list"));
    }

}

package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * CACHE_COMPRESSION_THRESHOLD sets grid.client.compression-threshold, below every
 * explicit setting of it.
 */
class CompressionThresholdEnvironmentPostProcessorTests {

    private final Map<String, Object> variables = new HashMap<>();

    private final StandardEnvironment environment = new StandardEnvironment();

    CompressionThresholdEnvironmentPostProcessorTests() {
        this.environment.getPropertySources()
            .replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, this.variables));
    }

    @Test
    void withoutTheVariableTheDefaultApplies() {
        assertThat(thresholdAfterPostProcessing()).isEqualTo(DataSize.ofKilobytes(1));
        assertThat(this.environment.getPropertySources())
            .noneMatch((source) -> source.getName().equals(CompressionThresholdEnvironmentPostProcessor.SOURCE_NAME));
    }

    @Test
    void theContractVariableSetsTheThreshold() {
        this.variables.put("CACHE_COMPRESSION_THRESHOLD", "4KB");

        assertThat(thresholdAfterPostProcessing()).isEqualTo(DataSize.ofKilobytes(4));
    }

    @Test
    void theClientsOwnVariableWinsOverTheContractVariable() {
        this.variables.put("CACHE_COMPRESSION_THRESHOLD", "4KB");
        this.variables.put("GRID_CLIENT_COMPRESSIONTHRESHOLD", "16KB");

        assertThat(thresholdAfterPostProcessing()).isEqualTo(DataSize.ofKilobytes(16));
    }

    @Test
    void applicationPropertiesWinOverTheContractVariable() {
        this.variables.put("CACHE_COMPRESSION_THRESHOLD", "4KB");
        this.environment.getPropertySources()
            .addLast(new MapPropertySource("application.properties",
                    Map.of("grid.client.compression-threshold", "2KB")));

        assertThat(thresholdAfterPostProcessing()).isEqualTo(DataSize.ofKilobytes(2));
    }

    @Test
    void theContractVariableWinsOverTheApplicationsDefaultProperties() {
        this.variables.put("CACHE_COMPRESSION_THRESHOLD", "4KB");
        this.environment.getPropertySources()
            .addLast(new DefaultPropertiesPropertySource(Map.of("grid.client.compression-threshold", "2KB")));

        assertThat(thresholdAfterPostProcessing()).isEqualTo(DataSize.ofKilobytes(4));
    }

    @Test
    void aBadValueFailsNamingTheVariableAndTheValue() {
        this.variables.put("CACHE_COMPRESSION_THRESHOLD", "12qb");

        assertThatExceptionOfType(BindException.class).isThrownBy(this::thresholdAfterPostProcessing)
            .satisfies((ex) -> {
                assertThat(ex.getProperty().getName()).hasToString("grid.client.compression-threshold");
                assertThat(ex.getProperty().getValue()).isEqualTo("12qb");
                // the variable's own origin, not the property it sets
                assertThat(ex.getProperty().getOrigin())
                    .hasToString("\"CACHE_COMPRESSION_THRESHOLD\" from property source \"systemEnvironment\"");
            });
    }

    private DataSize thresholdAfterPostProcessing() {
        new CompressionThresholdEnvironmentPostProcessor().postProcessEnvironment(this.environment,
                new SpringApplication());
        return Binder.get(this.environment)
            .bindOrCreate(GridClientProperties.PREFIX, GridClientProperties.class)
            .compressionThreshold();
    }

}

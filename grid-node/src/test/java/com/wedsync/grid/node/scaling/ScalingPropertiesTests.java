package com.wedsync.grid.node.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the Terraform modules set (terraform/modules/sizing outputs)
 * reach the scaling settings through Spring's relaxed binding of environment variables.
 */
class ScalingPropertiesTests {

    @Test
    void theVariablesTheTerraformModulesSetBindToTheScalingSettings() {
        Map<String, Object> variables = Map.of("GRID_SCALING_MEMBERCAPACITYOPSPERSECOND", "12500",
                "GRID_SCALING_HEADROOM", "0.3", "GRID_SCALING_MINMEMBERS", "13", "GRID_SCALING_MAXMEMBERS", "94",
                "GRID_SCALING_LEADTIME", "3h");

        ScalingProperties properties = bind(variables);

        assertThat(properties.memberCapacityOpsPerSecond()).isEqualTo(12_500);
        assertThat(properties.headroom()).isEqualTo(0.3);
        assertThat(properties.minMembers()).isEqualTo(13);
        assertThat(properties.maxMembers()).isEqualTo(94);
        assertThat(properties.leadTime()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void withoutThemTheDefaultsHold() {
        ScalingProperties properties = bind(Map.of());

        assertThat(properties.memberCapacityOpsPerSecond()).isEqualTo(10_000);
        assertThat(properties.maxMembers()).isEqualTo(10);
        assertThat(properties.opsPerWedding()).isEqualTo(500);
        assertThat(properties.policy().opsPerWedding()).isEqualTo(500);
    }

    @Test
    void theOpsPerWeddingBindAndAreValidatedNamingTheField() {
        assertThat(bind(Map.of("GRID_SCALING_OPSPERWEDDING", "120")).policy().opsPerWedding()).isEqualTo(120);
        assertThatThrownBy(() -> bind(Map.of("GRID_SCALING_OPSPERWEDDING", "-1"))).rootCause()
            .hasMessage("opsPerWedding (-1.0) must be between 0 and 1000000");
    }

    private static ScalingProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the real one, which is what makes Spring map GRID_SCALING_MAXMEMBERS
        // to grid.scaling.max-members.
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("grid.scaling",
                ScalingProperties.class);
    }

}

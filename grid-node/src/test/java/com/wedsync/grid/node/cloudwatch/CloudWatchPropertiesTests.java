package com.wedsync.grid.node.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code GRID_CLOUDWATCH_*} variables bind to the export's settings by relaxed
 * binding, and a bad value stops the binding with a message naming the property and the
 * value.
 */
class CloudWatchPropertiesTests {

    @Test
    void theVariablesBindToTheSettings() {
        CloudWatchProperties properties = bind(Map.of("GRID_CLOUDWATCH_ENABLED", "true", "GRID_CLOUDWATCH_NAMESPACE",
                "WedSync/Grid", "GRID_CLOUDWATCH_REGION", "eu-west-2", "GRID_CLOUDWATCH_STEP", "30s",
                "GRID_CLOUDWATCH_ENDPOINT", "https://monitoring.eu-west-2.amazonaws.com"));

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.namespace()).isEqualTo("WedSync/Grid");
        assertThat(properties.regionCode()).contains("eu-west-2");
        assertThat(properties.step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.endpointUri()).contains(URI.create("https://monitoring.eu-west-2.amazonaws.com"));
    }

    @Test
    void withoutThemTheExportIsOffAndTheSdkChoosesRegionAndEndpoint() {
        CloudWatchProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.namespace()).isEqualTo("WedSyncGrid");
        assertThat(properties.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.regionCode()).isEmpty();
        assertThat(properties.endpointUri()).isEmpty();
    }

    @Test
    void blankRegionAndEndpointCountAsUnset() {
        CloudWatchProperties properties = bind(Map.of("GRID_CLOUDWATCH_REGION", " ", "GRID_CLOUDWATCH_ENDPOINT", ""));

        assertThat(properties.regionCode()).isEmpty();
        assertThat(properties.endpointUri()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "GRID_CLOUDWATCH_STEP      | 999ms                | grid.cloudwatch.step (PT0.999S) must be between 1s and 1m",
            "GRID_CLOUDWATCH_STEP      | 61s                  | grid.cloudwatch.step (PT1M1S) must be between 1s and 1m",
            "GRID_CLOUDWATCH_NAMESPACE | '   '                | grid.cloudwatch.namespace ('   ') must be 1-255",
            "GRID_CLOUDWATCH_NAMESPACE | AWS/EC2              | grid.cloudwatch.namespace ('AWS/EC2') must be",
            "GRID_CLOUDWATCH_NAMESPACE | grid;drop            | grid.cloudwatch.namespace ('grid;drop') must be",
            "GRID_CLOUDWATCH_NAMESPACE | :grid                | grid.cloudwatch.namespace (':grid') must be",
            "GRID_CLOUDWATCH_REGION    | EU_WEST_2            | grid.cloudwatch.region ('EU_WEST_2') must be a region code",
            "GRID_CLOUDWATCH_ENDPOINT  | ftp://127.0.0.1:21   | grid.cloudwatch.endpoint ('ftp://127.0.0.1:21') must be an http",
            "GRID_CLOUDWATCH_ENDPOINT  | monitoring           | grid.cloudwatch.endpoint ('monitoring') must be an http",
            "GRID_CLOUDWATCH_ENDPOINT  | http://a b           | grid.cloudwatch.endpoint ('http://a b') is not a URL",
            "GRID_CLOUDWATCH_ENDPOINT  | http://h/?x=1        | grid.cloudwatch.endpoint ('http://h/?x=1') must have no query", })
    void aBadValueIsRejectedNamingThePropertyAndTheValue(String variable, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of(variable, value)))
            .satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message));
    }

    @Test
    void aLongerNamespaceThanCloudWatchAcceptsIsRejected() {
        assertThatThrownBy(() -> new CloudWatchProperties(true, "n".repeat(256), null, Duration.ofMinutes(1), null))
            .hasMessageStartingWith("grid.cloudwatch.namespace ('nnn");
        assertThat(new CloudWatchProperties(true, "n".repeat(255), null, Duration.ofMinutes(1), null).namespace())
            .hasSize(255);
    }

    private static CloudWatchProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the real one, which is what makes Spring map GRID_CLOUDWATCH_STEP to
        // grid.cloudwatch.step.
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("grid.cloudwatch",
                CloudWatchProperties.class);
    }

}

package com.wedsync.grid.client.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps the contract variable {@value #VARIABLE} onto
 * {@code grid.client.compression-threshold}, below every other source of that property
 * (its own environment variable {@code GRID_CLIENT_COMPRESSIONTHRESHOLD}, application
 * properties, ...) but above the application's default properties. A property source of
 * its own, rather than a placeholder in {@code @DefaultValue}, because Spring Boot does
 * not resolve placeholders there.
 */
class CompressionThresholdEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The contract variable. */
    static final String VARIABLE = "CACHE_COMPRESSION_THRESHOLD";

    /** The property it sets. */
    static final String PROPERTY = GridClientProperties.PREFIX + ".compression-threshold";

    /**
     * The name of the property source, which start-up failures show as the value's
     * origin.
     */
    static final String SOURCE_NAME = VARIABLE + " (grid-client environment contract)";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(VARIABLE);
        if (value != null) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(PROPERTY, value)));
            DefaultPropertiesPropertySource.moveToEnd(environment);
        }
    }

    /**
     * After the application's config data, so that it reads {@value #VARIABLE} from there
     * too.
     */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

}

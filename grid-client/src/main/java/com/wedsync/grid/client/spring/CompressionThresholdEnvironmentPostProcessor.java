package com.wedsync.grid.client.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

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
     * The name of the property source; its value keeps the variable's own origin, which
     * start-up failures show.
     */
    static final String SOURCE_NAME = VARIABLE + " (grid-client environment contract)";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(VARIABLE);
        if (value != null) {
            Object tracked = OriginTrackedValue.of(value, origin(environment));
            environment.getPropertySources()
                .addLast(new OriginTrackedMapPropertySource(SOURCE_NAME, Map.of(PROPERTY, tracked)));
            DefaultPropertiesPropertySource.moveToEnd(environment);
        }
    }

    /**
     * Where the variable was set (the environment, or a line of a file), so that a
     * refused value is reported as the variable, not as the property it sets.
     */
    private static Origin origin(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    && source.containsProperty(VARIABLE)) {
                return PropertySourceOrigin.get(source, VARIABLE);
            }
        }
        return null;
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

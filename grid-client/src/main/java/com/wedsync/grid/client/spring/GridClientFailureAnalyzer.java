package com.wedsync.grid.client.spring;

import com.wedsync.grid.client.GridUnavailableException;
import com.wedsync.grid.client.IncompatibleHazelcastException;
import com.wedsync.grid.config.InvalidFieldException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Turns grid-client's start-up failures into one line each, after Spring Boot's
 * "APPLICATION FAILED TO START", instead of a chain of wrapped bean-creation exceptions:
 * a refused setting, named as the user set it ({@code CACHE_COMPRESSION_THRESHOLD=-5},
 * the environment variable, or {@code grid.client.compression-threshold=-5} and the file
 * and line), a Hazelcast of the wrong version, a cache annotation naming no grid cache,
 * and a grid that cannot be reached. Runs before Spring Boot's own analyzers, whose
 * binding report would name only the property.
 */
class GridClientFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String DOCS = "The grid.client.* properties, their environment variables and defaults are"
            + " listed in grid-client's documentation (docs/client.md, Spring Boot).";

    private final Environment environment;

    GridClientFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            FailureAnalysis analysis = analyzeOne(cause, failure);
            if (analysis != null) {
                return analysis;
            }
        }
        return null;
    }

    private FailureAnalysis analyzeOne(Throwable cause, Throwable failure) {
        if (cause instanceof InvalidFieldException invalid
                && invalid.field().startsWith(GridClientProperties.PREFIX + ".")) {
            return invalidSetting(invalid, failure);
        }
        if (cause instanceof IncompatibleHazelcastException incompatible) {
            return new FailureAnalysis(incompatible.getMessage(),
                    "Make Hazelcast " + incompatible.required() + " win: with spring-boot-starter-parent add"
                            + " <hazelcast.version>" + incompatible.required() + "</hazelcast.version> to the pom's"
                            + " properties; without it, import com.wedsync.grid:grid-bom before"
                            + " spring-boot-dependencies. mvn dependency:tree -Dincludes=com.hazelcast shows"
                            + " which version the build picks.",
                    failure);
        }
        if (cause instanceof UnknownCacheException unknown) {
            return new FailureAnalysis(unknown.getMessage(), "Name one of the data classes in the cache"
                    + " annotation (a data class is the cache), or give the annotation a cacheManager of its own.",
                    failure);
        }
        if (cause instanceof GridUnavailableException unavailable) {
            return new FailureAnalysis(oneLine(unavailable.getMessage()),
                    "Start a grid node, or point grid.client.members (GRID_CLIENT_MEMBERS) and"
                            + " grid.client.cluster-name (GRID_CLIENT_CLUSTERNAME) at a running grid, or give it"
                            + " longer with grid.client.connect-timeout (GRID_CLIENT_CONNECTTIMEOUT);"
                            + " grid.client.enabled=false starts the application without the grid.",
                    failure);
        }
        return null;
    }

    private FailureAnalysis invalidSetting(InvalidFieldException invalid, Throwable failure) {
        String property = invalid.field();
        String rule = invalid.rule();
        ConfigurationPropertyName key = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
            ConfigurationProperty set = source.getConfigurationProperty(key);
            if (set != null) {
                Setting setting = Setting.of(property, set.getOrigin());
                String description = setting.name() + "=" + set.getValue() + " (" + setting.where() + ") "
                        + (invalid.getMessage().equals(rule) ? "is refused: " + rule : rule);
                return new FailureAnalysis(oneLine(description), "Correct or remove " + setting.name() + ". " + DOCS,
                        failure);
            }
        }
        return new FailureAnalysis(oneLine(invalid.getMessage()), "Correct or remove " + property + ". " + DOCS,
                failure);
    }

    private static String oneLine(String text) {
        return (text != null) ? text.replaceAll("\\s*\\R\\s*", " ") : "";
    }

    /**
     * Before Spring Boot's analyzers, which would report the binding without its origin.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * A setting as the user wrote it: its name and where it was set, both read off the
     * value's origin. A property source's origin names the key the value was found under
     * (an environment variable's name; {@code CACHE_COMPRESSION_THRESHOLD}, whose origin
     * {@link CompressionThresholdEnvironmentPostProcessor} keeps) and wraps where that
     * was (the environment, or a file and line).
     */
    private record Setting(String name, String where) {

        static Setting of(String property, Origin origin) {
            String name = (origin instanceof PropertySourceOrigin found) ? found.getPropertyName() : property;
            Origin at = origin;
            while (at instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
                at = wrapper.getOrigin();
            }
            String where = (at instanceof SystemEnvironmentOrigin) ? "environment variable"
                    : (at != null) ? at.toString() : "set";
            return new Setting(name, name.equals(property) ? where : where + ", which sets " + property);
        }

    }

}

package com.wedsync.grid.client.internal;

import com.hazelcast.instance.BuildInfoProvider;
import com.wedsync.grid.client.IncompatibleHazelcastException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Properties;

/**
 * Refuses a Hazelcast of another major or minor version than the one this grid-client was
 * built with; patch releases of the same minor are accepted. Reads the version at run
 * time ({@link BuildInfoProvider}, which every 5.x has), not a compile-time constant.
 */
final class HazelcastVersionCheck {

    private static final String BUILD_PROPERTIES = "build.properties";

    private HazelcastVersionCheck() {
    }

    /**
     * Checks the Hazelcast on the classpath.
     * @throws IncompatibleHazelcastException naming both versions, where the jar came
     * from and the fix
     */
    static void check() {
        Properties build = buildProperties();
        check(BuildInfoProvider.getBuildInfo().getVersion(), build.getProperty("hazelcast.version"),
                build.getProperty("grid-client.version"), jarOf(BuildInfoProvider.class));
    }

    /**
     * Checks a version against the one required.
     * @param found the version on the classpath
     * @param required the version grid-client was built with
     * @param clientVersion grid-client's own version, for the message
     * @param jar where the found Hazelcast was loaded from, for the message
     * @throws IncompatibleHazelcastException if the major or minor version differ
     */
    static void check(String found, String required, String clientVersion, String jar) {
        Objects.requireNonNull(required, "required");
        if (found != null && minor(found).equals(minor(required))) {
            return;
        }
        throw new IncompatibleHazelcastException(found, required,
                "grid-client " + clientVersion + " needs Hazelcast " + minor(required) + ".x but found Hazelcast "
                        + found + " (" + jar + "); with Spring Boot's parent set the property hazelcast.version to "
                        + required + ", or import com.wedsync.grid:grid-bom before spring-boot-dependencies");
    }

    /** The version's major and minor numbers: {@code 5.7} of {@code 5.7.0-SNAPSHOT}. */
    private static String minor(String version) {
        String[] parts = version.split("[.-]", 3);
        return (parts.length >= 2) ? parts[0] + "." + parts[1] : version;
    }

    private static String jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return (source != null && source.getLocation() != null) ? source.getLocation().toString() : "location unknown";
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = HazelcastVersionCheck.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_PROPERTIES + " is missing beside "
                        + HazelcastVersionCheck.class.getName() + ": the grid-client jar is incomplete");
            }
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

}

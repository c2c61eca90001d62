package com.wedsync.grid.node.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the JVM a node runs on with the settings every launch ships with
 * ({@code jvm.options}, measured in the docs/performance.md): a flag that is missing or
 * overridden with another value is named, because a node started without them has been
 * measured to pause the members and the clients' calls for longer (up to hundreds of
 * milliseconds with the JVM's defaults).
 */
public final class JvmSettingsCheck {

    /** Where the build puts {@code grid-node/jvm.options} in the jar. */
    static final String RESOURCE = "/wedsync/jvm.options";

    private JvmSettingsCheck() {
    }

    /**
     * Checks this JVM against the shipped settings.
     * @return what differs, empty when the JVM runs with every shipped flag
     * @throws UncheckedIOException if the shipped settings cannot be read from the jar
     */
    public static Optional<String> checkThisJvm() {
        return check(shippedFlags(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * Checks a JVM's arguments against the shipped flags. For a repeated option the JVM
     * takes the last, so does this check.
     * @param shipped the flags of {@code jvm.options}
     * @param arguments the JVM's arguments, in order
     * @return the flags that are missing or have another value, with what the JVM has
     * instead; empty if none
     */
    static Optional<String> check(List<String> shipped, List<String> arguments) {
        Map<String, String> effective = new LinkedHashMap<>();
        arguments.forEach((argument) -> effective.put(key(argument), argument));
        List<String> differing = new ArrayList<>();
        for (String flag : shipped) {
            String actual = effective.get(key(flag));
            if (!flag.equals(actual)) {
                differing.add(flag + " (has " + ((actual != null) ? actual : "nothing") + ")");
            }
        }
        return differing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", differing));
    }

    /**
     * Returns the name an option is overridden by: {@code -XX:+UseZGC} and
     * {@code -XX:-UseZGC} share {@code UseZGC}, {@code -XX:MaxGCPauseMillis=10} is
     * {@code MaxGCPauseMillis}, {@code -Dname=value} is {@code -Dname}, and the collector
     * flags share one name, since one collector excludes the others.
     */
    static String key(String option) {
        if (option.startsWith("-XX:")) {
            String name = option.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
            return name.matches("Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC") ? "collector" : name;
        }
        if (option.startsWith("-D")) {
            return option.replaceFirst("=.*", "");
        }
        return option;
    }

    /**
     * Reads the shipped flags from the jar: comments and blank lines left out, as the
     * launcher reads them.
     * @return the flags
     */
    static List<String> shippedFlags() {
        try (InputStream in = JvmSettingsCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map((line) -> line.replaceAll("#.*", "").strip())
                .filter((line) -> !line.isEmpty())
                .flatMap((line) -> Arrays.stream(line.split("\\s+")))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the shipped JVM settings", ex);
        }
    }

}

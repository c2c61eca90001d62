package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.config.testkit.LoopbackGrid;
import com.wedsync.grid.config.testkit.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that fails to start because of grid-client says why in one line after Spring
 * Boot's "APPLICATION FAILED TO START", naming what the user set. Each case is a real
 * start of {@link ServiceApplication} in a child JVM, as a service starts.
 */
class StartFailureReportIT {

    private static final String RULE = "must lie between 0B and 2147483647B";

    @Test
    void theContractVariableIsNamedWhenItsValueIsRefused() throws Exception {
        Start start = start(Map.of("CACHE_COMPRESSION_THRESHOLD", "-5"), classPath());

        assertThat(start.description()).isEqualTo("CACHE_COMPRESSION_THRESHOLD=-5 (environment variable, which sets"
                + " grid.client.compression-threshold) " + RULE);
        start.assertNoExceptionChain();
    }

    @Test
    void theRelaxedEnvironmentVariableIsNamedWhenItsValueIsRefused() throws Exception {
        Start start = start(Map.of("GRID_CLIENT_COMPRESSIONTHRESHOLD", "-5"), classPath());

        assertThat(start.description()).isEqualTo("GRID_CLIENT_COMPRESSIONTHRESHOLD=-5 (environment variable, which"
                + " sets grid.client.compression-threshold) " + RULE);
        start.assertNoExceptionChain();
    }

    @Test
    void thePropertyIsNamedWithItsFileAndLineWhenItsValueIsRefused(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("application.properties"),
                "spring.application.name=quotes\ngrid.client.compression-threshold=-5\n");

        Start start = start(Map.of(), classPath(), "--spring.config.additional-location=file:" + config + "/");

        assertThat(start.description()).isEqualTo("grid.client.compression-threshold=-5 (URL [file:" + config
                + "/application.properties] - 2:35) " + RULE);
        start.assertNoExceptionChain();
    }

    @Test
    void aHazelcastOfAnotherMinorVersionIsRefusedBeforeConnecting() throws Exception {
        Path other = Path.of("target", "other-hazelcast", "hazelcast-5.5.0.jar").toAbsolutePath();
        assertThat(other).as("copied by the build (maven-dependency-plugin)").exists();
        List<String> entries = new ArrayList<>(Arrays.asList(classPath().split(File.pathSeparator)));
        List<String> hazelcast = entries.stream().filter((entry) -> entry.endsWith("hazelcast-5.7.0.jar")).toList();
        assertThat(hazelcast).hasSize(1);
        entries.set(entries.indexOf(hazelcast.get(0)), other.toString());

        Start start = start(Map.of(), String.join(File.pathSeparator, entries));

        assertThat(start.description())
            .matches("grid-client \\S+ needs Hazelcast 5\\.7\\.x but found Hazelcast 5\\.5\\.0"
                    + " \\(file:\\S+/hazelcast-5\\.5\\.0\\.jar\\); with Spring Boot's parent set the property"
                    + " hazelcast\\.version to 5\\.7\\.0, or import com\\.wedsync\\.grid:grid-bom before"
                    + " spring-boot-dependencies");
        start.assertNoExceptionChain();
    }

    @Test
    void aCacheAnnotationNamingNoDataClassFailsTheStartListingTheCaches() throws Exception {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("start-failure-report").start(1)) {
            Start start = start(Map.of(), classPath(), "misnamed", "--grid.client.cluster-name=" + grid.clusterName(),
                    "--grid.client.members=" + String.join(",", grid.addresses()));

            assertThat(start.description()).isEqualTo("no grid cache is named 'vendor_quotes' (VendorQuotes.quote);"
                    + " the caches are the data classes wedding_data, vendor_responses, guest_interactions,"
                    + " photo_thumbnails, system_cache");
            start.assertNoExceptionChain();
        }
    }

    @Test
    void anUnreachableGridIsReportedInOneLineNamingClusterMembersAndTimeout() throws Exception {
        int nobody = LoopbackPorts.freePort();

        Start start = start(Map.of(), classPath(), "--grid.client.cluster-name=nowhere",
                "--grid.client.members=127.0.0.1:" + nobody, "--grid.client.connect-timeout=2s");

        assertThat(start.description())
            .isEqualTo("cannot reach cluster 'nowhere' at [127.0.0.1:" + nobody + "] within 2s (connectTimeout)");
        assertThat(start.output()).contains("grid.client.connect-timeout (GRID_CLIENT_CONNECTTIMEOUT)");
        // one report; Hazelcast's client itself logs a WARN with a stack trace as the
        // timed-out client shuts down ("Could not connect to any cluster")
        assertThat(start.output().lines().filter((line) -> line.equals("APPLICATION FAILED TO START"))).hasSize(1);
    }

    @Test
    void theSameServiceStartsWhenNothingIsWrong() throws Exception {
        try (LoopbackGrid grid = LoopbackGrid.builder().name("start-failure-report-ok").start(1)) {
            Start start = start(Map.of(), classPath(), "--grid.client.cluster-name=" + grid.clusterName(),
                    "--grid.client.members=" + String.join(",", grid.addresses()));

            assertThat(start.exitCode()).as(start.output()).isZero();
            assertThat(start.output()).contains("service started and stopped");
        }
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Start start(Map<String, String> environment, String classPath, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                        ServiceApplication.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("service-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("GRID_") || name.startsWith("CACHE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exited).as("the service exits within 60 s:%n%s", output).isTrue();
            return new Start(process.exitValue(), output);
        }
        finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private record Start(int exitCode, String output) {

        /** The one line between "Description:" and "Action:" of Spring Boot's report. */
        String description() {
            assertThat(this.exitCode).as(this.output).isNotZero();
            List<String> lines = this.output.lines().toList();
            int from = lines.indexOf("Description:");
            int to = lines.indexOf("Action:");
            assertThat(from).as("a failure report in:%n%s", this.output).isNotNegative();
            List<String> description = lines.subList(from + 1, to).stream().filter((line) -> !line.isBlank()).toList();
            assertThat(description).as(this.output).hasSize(1);
            System.out.println("[start-failure] " + description.get(0));
            return description.get(0);
        }

        /**
         * No stack trace: Spring's one WARN line cancelling the refresh, then the report.
         */
        void assertNoExceptionChain() {
            assertThat(this.output).doesNotContain("Caused by:", "\tat ");
            assertThat(this.output.lines().filter((line) -> line.equals("APPLICATION FAILED TO START"))).hasSize(1);
        }

    }

}

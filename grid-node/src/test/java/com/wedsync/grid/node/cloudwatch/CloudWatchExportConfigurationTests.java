package com.wedsync.grid.node.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.settings.NodeSettings;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The export's configuration in a context whose class loader records every class it loads
 * of this package, the AWS SDK and Micrometer's CloudWatch registry. The configuration is
 * found by component scanning, as in the application, so that Spring reads its
 * annotations without loading it.
 */
class CloudWatchExportConfigurationTests {

    private static final String CONFIGURATION = CloudWatchExportConfiguration.class.getName();

    private static final String SDK_PACKAGE = "software.amazon.awssdk.";

    private final RecordingClassLoader loader = new RecordingClassLoader();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withClassLoader(this.loader)
        .withBean(NodeSettings.class, () -> NodeSettings.read((variable) -> null, 512L << 20))
        .withBean(Clock.class, () -> Clock.SYSTEM)
        .withInitializer((context) -> scan((BeanDefinitionRegistry) context));

    @ParameterizedTest(name = "grid.cloudwatch.enabled={0}")
    @ValueSource(strings = { "", "false" })
    void runWhenDisabledShouldCreateNoRegistryAndLoadNoAwsClass(String enabled) {
        String[] properties = enabled.isEmpty() ? new String[0] : new String[] { "grid.cloudwatch.enabled=" + enabled };
        this.runner.withPropertyValues(properties).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(context.getBeanDefinitionNames())
                .doesNotContain("cloudWatchMeterRegistry", "gridCloudWatchClient")
                .noneMatch((name) -> name.contains("RegistryConfiguration") || name.contains("CloudWatchProperties"));
        });

        assertThat(this.loader.loaded()).noneMatch((name) -> name.startsWith(SDK_PACKAGE))
            .noneMatch((name) -> name.startsWith(CONFIGURATION + "$"));
    }

    @Test
    void runWhenEnabledShouldCreateTheRegistryWithTheSdksClient() {
        this.runner
            .withPropertyValues("grid.cloudwatch.enabled=true", "grid.cloudwatch.region=eu-west-2",
                    "grid.cloudwatch.endpoint=http://127.0.0.1:9")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanNamesForType(MeterRegistry.class)).containsExactly("cloudWatchMeterRegistry");
                assertThat(context.getBean(MeterRegistry.class).getClass().getName())
                    .isEqualTo("io.micrometer.cloudwatch2.CloudWatchMeterRegistry");
            });

        // The recording sees the classes the disabled case must not load: the check above
        // can fail.
        assertThat(this.loader.loaded()).contains(CONFIGURATION + "$RegistryConfiguration",
                SDK_PACKAGE + "services.cloudwatch.CloudWatchAsyncClient",
                "io.micrometer.cloudwatch2.CloudWatchMeterRegistry");
    }

    @Test
    void runWhenEnabledWithABadStepShouldFailNamingTheProperty() {
        this.runner.withPropertyValues("grid.cloudwatch.enabled=true", "grid.cloudwatch.step=5m")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("grid.cloudwatch.step (PT5M) must be between 1s and 1m"));
    }

    /**
     * Component scanning of the package, as the application's (which finds nested
     * configurations on their own).
     */
    private static void scan(BeanDefinitionRegistry registry) {
        new ClassPathBeanDefinitionScanner(registry).scan(CloudWatchExportConfiguration.class.getPackageName());
    }

    /**
     * Loads this package, the AWS SDK and the CloudWatch registry itself (child first)
     * and records their names; everything else comes from the test's class loader, so
     * Spring and Micrometer's core are shared.
     */
    static final class RecordingClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private static final List<String> CHILD_FIRST = List.of(
                CloudWatchExportConfigurationTests.class.getPackageName() + ".", "software.amazon.awssdk.",
                "io.micrometer.cloudwatch2.");

        private final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingClassLoader() {
            super("recording", testClassPath(), CloudWatchExportConfigurationTests.class.getClassLoader());
        }

        Set<String> loaded() {
            return Set.copyOf(this.loaded);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (CHILD_FIRST.stream().noneMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                    this.loaded.add(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        /**
         * Surefire's test class path (its own {@code java.class.path} may be a
         * manifest-only jar).
         */
        private static URL[] testClassPath() {
            String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return Arrays.stream(path.split(File.pathSeparator)).map((entry) -> {
                try {
                    return new File(entry).toURI().toURL();
                }
                catch (MalformedURLException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).toArray(URL[]::new);
        }

    }

}

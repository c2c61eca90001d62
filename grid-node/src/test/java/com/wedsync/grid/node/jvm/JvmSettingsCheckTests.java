package com.wedsync.grid.node.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmSettingsCheckTests {

    private static final List<String> SHIPPED = List.of("-XX:+UseZGC", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");

    @Test
    void aJvmWithEveryShippedFlagPassesWhateverElseItHas() {
        assertThat(JvmSettingsCheck.check(SHIPPED, List.of("-Xms1g", "-XX:+UseZGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx1g")))
            .isEmpty();
    }

    @Test
    void aMissingFlagIsNamed() {
        assertThat(JvmSettingsCheck.check(SHIPPED,
                List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")))
            .hasValue("-XX:+UseZGC (has nothing)");
    }

    @Test
    void anOverrideLaterOnTheCommandLineWinsAsInTheJvm() {
        List<String> arguments = List.of("-XX:+UseZGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-XX:+UseParallelGC",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");

        assertThat(JvmSettingsCheck.check(SHIPPED, arguments)).hasValue("-XX:+UseZGC (has -XX:+UseParallelGC), "
                + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4 (has "
                + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1)");
        assertThat(JvmSettingsCheck.check(SHIPPED,
                List.of("-XX:+UseZGC", "-XX:-ExitOnOutOfMemoryError",
                        "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")))
            .hasValue("-XX:+ExitOnOutOfMemoryError (has -XX:-ExitOnOutOfMemoryError)");
    }

    @Test
    void theJarCarriesTheShippedFlagsOfJvmOptions() {
        assertThat(JvmSettingsCheck.shippedFlags()).isNotEmpty()
            .allSatisfy((flag) -> assertThat(flag).startsWith("-"))
            .contains("-XX:+ExitOnOutOfMemoryError");
    }

}

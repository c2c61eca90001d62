package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.wedsync.grid.client.IncompatibleHazelcastException;
import org.junit.jupiter.api.Test;

class HazelcastVersionCheckTests {

    private static final String JAR = "file:/m2/com/hazelcast/hazelcast/5.5.0/hazelcast-5.5.0.jar";

    @Test
    void theHazelcastThisModuleIsBuiltWithPasses() {
        assertThatNoException().isThrownBy(HazelcastVersionCheck::check);
    }

    @Test
    void aPatchReleaseOrSnapshotOfTheSameMinorPasses() {
        assertThatNoException().isThrownBy(() -> HazelcastVersionCheck.check("5.7.2", "5.7.0", "1.0", JAR));
        assertThatNoException().isThrownBy(() -> HazelcastVersionCheck.check("5.7.0-SNAPSHOT", "5.7.0", "1.0", JAR));
    }

    @Test
    void anOlderMinorIsRefusedInOneLineNamingBothVersionsTheJarAndTheFix() {
        assertThatExceptionOfType(IncompatibleHazelcastException.class)
            .isThrownBy(() -> HazelcastVersionCheck.check("5.5.0", "5.7.0", "0.1.0", JAR))
            .withMessage("grid-client 0.1.0 needs Hazelcast 5.7.x but found Hazelcast 5.5.0 (" + JAR + "); with"
                    + " Spring Boot's parent set the property hazelcast.version to 5.7.0, or import"
                    + " com.wedsync.grid:grid-bom before spring-boot-dependencies")
            .satisfies((ex) -> {
                assertThat(ex.found()).isEqualTo("5.5.0");
                assertThat(ex.required()).isEqualTo("5.7.0");
            });
    }

    @Test
    void aNewerMajorOrMinorAndAnUnknownVersionAreRefused() {
        assertThatExceptionOfType(IncompatibleHazelcastException.class)
            .isThrownBy(() -> HazelcastVersionCheck.check("5.8.0", "5.7.0", "0.1.0", JAR));
        assertThatExceptionOfType(IncompatibleHazelcastException.class)
            .isThrownBy(() -> HazelcastVersionCheck.check("6.7.0", "5.7.0", "0.1.0", JAR));
        assertThatExceptionOfType(IncompatibleHazelcastException.class)
            .isThrownBy(() -> HazelcastVersionCheck.check(null, "5.7.0", "0.1.0", JAR));
    }

}

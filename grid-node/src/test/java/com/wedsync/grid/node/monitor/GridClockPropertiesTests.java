package com.wedsync.grid.node.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code GRID_CLOCK_OFFSET} shifts the node's clock (the monitor's, and so the advisor's
 * and the calendar's) without changing its pace; a bad offset is refused by name.
 */
class GridClockPropertiesTests {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-12-03T22:00:00Z");

    @Test
    void anOffsetFromTheEnvironmentShiftsTheGridClockAndKeepsItsPace() {
        GridClockProperties properties = bind(Map.of("GRID_CLOCK_OFFSET", "-36h"));
        MutableClock system = new MutableClock(SYSTEM_NOW);

        Clock clock = new MonitorConfiguration().gridClock(properties);
        Clock shifted = properties.clock(system);

        assertThat(properties.offset()).isEqualTo(Duration.ofHours(-36));
        assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofHours(-36).minusMinutes(1),
                Duration.ofHours(-36).plusMinutes(1));
        assertThat(shifted.instant()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        system.advance(Duration.ofSeconds(5));
        assertThat(shifted.instant()).as("five seconds pass as five seconds")
            .isEqualTo(Instant.parse("2026-12-02T10:00:05Z"));
    }

    @Test
    void withoutAnOffsetTheSystemClockIsUsedAsItIs() {
        GridClockProperties properties = bind(Map.of());
        Clock system = Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC);

        assertThat(properties.offset()).isZero();
        assertThat(properties.clock(system)).isSameAs(system);
    }

    @Test
    void anOffsetBeyond400DaysIsRefusedNamingThePropertyAndTheValue() {
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("GRID_CLOCK_OFFSET", "401d")))
            .havingRootCause()
            .withMessage("grid.clock.offset (401d) must be at most 400d either way");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new GridClockProperties(Duration.ofDays(-401)))
            .withMessage("grid.clock.offset (-401d) must be at most 400d either way");
    }

    private static GridClockProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the real one, which is what makes Spring map GRID_CLOCK_OFFSET to
        // grid.clock.offset.
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("grid.clock",
                GridClockProperties.class);
    }

}

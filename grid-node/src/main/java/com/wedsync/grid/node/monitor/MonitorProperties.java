package com.wedsync.grid.node.monitor;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitor's settings ({@code grid.monitor.*}; as environment variables
 * {@code GRID_MONITOR_INTERVAL}, {@code GRID_MONITOR_HISTORY},
 * {@code GRID_MONITOR_TIMEZONE}).
 *
 * @param interval how often each member samples itself
 * @param history how far back the in-memory history reaches (at most
 * {@value SampleHistory#MAX_CAPACITY} samples)
 * @param timeZone the time zone whose days and hours the traffic calendar counts
 * (Saturdays, the season)
 */
@ConfigurationProperties("grid.monitor")
public record MonitorProperties(@DefaultValue("5s") Duration interval, @DefaultValue("24h") Duration history,
        @DefaultValue("UTC") ZoneId timeZone) {

    /** The shortest interval accepted. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the property and the value when one is out
     * of range
     */
    public MonitorProperties {
        if (interval.compareTo(SHORTEST_INTERVAL) < 0 || interval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("grid.monitor.interval (" + interval + ") must be between 100ms and 5m");
        }
        if (history.compareTo(interval) < 0) {
            throw new IllegalArgumentException(
                    "grid.monitor.history (" + history + ") must be at least the interval (" + interval + ")");
        }
    }
}

package com.wedsync.grid.node.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients' mean reads and writes per second of each hour (the figure the Saturday
 * rule judges, {@link ClusterFigures#clientOpsPerSecond()}), kept for {@link #KEPT} in
 * the IMap {@value #MAP} (keyed by the hour's start, epoch milliseconds; one backup) so
 * that a restarted member, or the next oldest, still sees last week. The oldest member,
 * which aggregates the clients' figures, averages those of its samples and writes the
 * hour when it closes, if its samples with clients reporting covered at least half of it.
 * Anyone who reaches a member port can write to the map: a value that is not a finite
 * number of at least 0 is skipped with one WARN per hour. Reads of closed hours are
 * cached until the hour turns.
 */
public final class HourlyLoad implements SampleListener, LoadHistory {

    /** The IMap of the hourly means. */
    public static final String MAP = "grid_monitor_hourly_load";

    /**
     * How long an hour's mean is kept: a week and a day, for "the same hour last week".
     */
    public static final Duration KEPT = Duration.ofDays(8);

    private static final Logger logger = LoggerFactory.getLogger(HourlyLoad.class);

    private final HazelcastInstance instance;

    private final BooleanSupplier coordinates;

    private final Duration interval;

    private final Map<Long, OptionalDouble> read = new ConcurrentHashMap<>();

    private long hour = Long.MIN_VALUE;

    private double sum;

    private int samples;

    /**
     * Creates the recorder.
     * @param instance the local member
     * @param coordinates tells whether this member is the oldest, which writes
     * @param interval the sample interval
     */
    public HourlyLoad(HazelcastInstance instance, BooleanSupplier coordinates, Duration interval) {
        this.instance = instance;
        this.coordinates = coordinates;
        this.interval = interval;
    }

    @Override
    public void onSample(MemberSample sample, ClusterFigures cluster) {
        long hour = hourOf(sample.at());
        if (hour != this.hour) {
            close();
            this.hour = hour;
            this.sum = 0;
            this.samples = 0;
            this.read.clear();
        }
        double ops = cluster.clientOpsPerSecond();
        if (Double.isFinite(ops)) {
            this.sum += ops;
            this.samples++;
        }
    }

    @Override
    public OptionalDouble meanOpsPerSecond(Instant hourStart) {
        long key = hourOf(hourStart);
        return this.read.computeIfAbsent(key, this::load);
    }

    /**
     * Writes the hour that just closed, on the oldest member, if enough of it was seen.
     */
    private void close() {
        long expected = Duration.ofHours(1).toMillis() / Math.max(1, this.interval.toMillis());
        if (this.samples == 0 || this.samples * 2 < expected || !this.coordinates.getAsBoolean()) {
            return;
        }
        map().set(this.hour, this.sum / this.samples, KEPT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private OptionalDouble load(long hour) {
        Object value;
        try {
            value = this.instance.getMap(MAP).get(hour);
        }
        catch (RuntimeException ex) {
            logger.warn("event=hourly_load_skipped hour={} problem={}", Instant.ofEpochMilli(hour), ex.toString());
            return OptionalDouble.empty();
        }
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value instanceof Double mean && Double.isFinite(mean) && mean >= 0) {
            return OptionalDouble.of(mean);
        }
        logger.warn("event=hourly_load_skipped hour={} value={} problem=not a finite number of at least 0",
                Instant.ofEpochMilli(hour), Quoted.of(value));
        return OptionalDouble.empty();
    }

    private IMap<Long, Double> map() {
        return this.instance.getMap(MAP);
    }

    private static long hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS).toEpochMilli();
    }

}

package com.wedsync.grid.config.calendar;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.map.IMap;
import com.wedsync.grid.config.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Where declarations live: the IMap {@value #NAME}, outside the catalog's budgeted maps
 * (no eviction: a declaration is never pushed out by cache pressure), with one
 * synchronous backup. Each entry expires {@value #KEPT_DAYS} days after the end of its
 * date in its zone: the photo uploads after a wedding need it for
 * {@value TrafficCalendar#PHOTO_UPLOAD_DAYS} days, and a week lets operators (and the
 * Saturday baseline) look at the same day of last week. Keys are
 * {@link Declaration#key()}; values are Compact records. Grid-client and the node's
 * endpoint write through these methods alike.
 */
public final class CalendarMap {

    /** The map's name, part of the operations contract. */
    public static final String NAME = "grid_calendar";

    /** How many days after its date a declaration is kept. */
    public static final int KEPT_DAYS = 7;

    /** The backups of every entry. */
    public static final int BACKUP_COUNT = 1;

    private CalendarMap() {
    }

    /**
     * Builds the member's configuration of the map: no eviction, no map-wide expiry (each
     * entry has its own), one synchronous backup, statistics on.
     * @return a new map configuration
     */
    public static MapConfig mapConfig() {
        // After a split, the later declaration of a key wins.
        return new MapConfig(NAME).setBackupCount(BACKUP_COUNT)
            .setAsyncBackupCount(0)
            .setStatisticsEnabled(true)
            .setPerEntryStatsEnabled(true)
            .setMergePolicyConfig(
                    new MergePolicyConfig("LatestUpdateMergePolicy", MergePolicyConfig.DEFAULT_BATCH_SIZE));
    }

    /**
     * Stores a declaration, replacing one under the same key, to expire
     * {@value #KEPT_DAYS} days after its date.
     * @param map the map, from a member or a client
     * @param declaration the declaration
     * @param clock the clock that says what today is
     * @throws InvalidFieldException naming {@code date} when it lies in the past
     */
    public static void declare(IMap<String, Declaration> map, Declaration declaration, Clock clock) {
        declaration.requireNotPast(clock);
        map.set(declaration.key(), declaration, timeToLive(declaration, clock).toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Removes a wedding and its deadlines.
     * @param map the map
     * @param weddingId the wedding
     * @return how many declarations were removed (0 to 3)
     */
    public static int withdraw(IMap<String, Declaration> map, String weddingId) {
        Declarations.requireId("weddingId", weddingId);
        int removed = 0;
        for (String key : List.of(Wedding.KEY_PREFIX + weddingId, Deadline.keyOf(Deadline.Kind.RSVP, weddingId),
                Deadline.keyOf(Deadline.Kind.VENDOR, weddingId))) {
            removed += (map.remove(key) != null) ? 1 : 0;
        }
        return removed;
    }

    /**
     * Returns how long a declaration is kept from now: to the end of its date in its
     * zone, plus {@value #KEPT_DAYS} days.
     * @param declaration the declaration
     * @param clock the clock
     * @return at least 1 s
     */
    public static Duration timeToLive(Declaration declaration, Clock clock) {
        Instant expiry = declaration.date()
            .plusDays(1L + KEPT_DAYS)
            .atStartOfDay(ZoneId.of(declaration.zone()))
            .toInstant();
        Duration left = Duration.between(clock.instant(), expiry);
        return (left.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : left.withNanos(0);
    }

    /**
     * Picks the declarations dated within a range, ordered by date, kind and wedding.
     * @param declarations the declarations, such as the map's values
     * @param from the first date (inclusive)
     * @param to the last date (inclusive)
     * @return the ones in range
     * @throws InvalidFieldException naming {@code to} when it lies before {@code from}
     */
    public static List<Declaration> between(Collection<? extends Declaration> declarations, LocalDate from,
            LocalDate to) {
        requireRange(from, to);
        return declarations.stream()
            .filter((declaration) -> !declaration.date().isBefore(from) && !declaration.date().isAfter(to))
            .sorted(Comparator.comparing(Declaration::date).thenComparing(Declaration::key))
            .map(Declaration.class::cast)
            .toList();
    }

    /**
     * Checks a date range.
     * @param from the first date (inclusive)
     * @param to the last date (inclusive)
     * @throws InvalidFieldException naming {@code to} when it lies before {@code from}
     */
    public static void requireRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from is missing");
        Objects.requireNonNull(to, "to is missing");
        if (to.isBefore(from)) {
            throw InvalidFieldException.of("to", to.toString(), "must not be before from (" + from + ")");
        }
    }

    /**
     * Turns declarations into a traffic calendar: each wedding counts, so a day with 400
     * weddings answers 400 in {@link TrafficCalendar#weddingsOn}.
     * @param multipliers the multiplier of each cause
     * @param declarations the declarations
     * @return the calendar
     */
    public static TrafficCalendar calendar(TrafficMultipliers multipliers,
            Collection<? extends Declaration> declarations) {
        return TrafficCalendar.of(multipliers, declarations.stream().map(Declaration::occasion).toList());
    }

}

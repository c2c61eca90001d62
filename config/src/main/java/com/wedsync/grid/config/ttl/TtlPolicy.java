package com.wedsync.grid.config.ttl;

import com.wedsync.grid.config.catalog.Catalog;
import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.catalog.TtlBounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the TTL of an entry from its data class, the date of its wedding (when known)
 * and an access hint. A pure function of its inputs and the injected clock; every result
 * lies inside the class's TTL bounds.
 * <ul>
 * <li>A wedding inside the protection window (yesterday up to today + window): the entry
 * lives until the end of the day after the wedding, so it outlives the event, and at
 * least as long as any unprotected entry written now (twice the base), so that eviction
 * by expiry time ({@code UpcomingWeddingsLastComparator}) takes it last; capped at
 * {@code ttl.max}.</li>
 * <li>A wedding that ended before yesterday: {@code ttl.min}. (The day after a wedding
 * still counts as the event, so an entry's TTL does not fall off a cliff at the midnight
 * after the wedding.)</li>
 * <li>Otherwise: {@code ttl.base}, doubled for {@link AccessHint#READ_MOSTLY}, quartered
 * for {@link AccessHint#VOLATILE}.</li>
 * </ul>
 */
public final class TtlPolicy {

    private final Catalog catalog;

    private final Clock clock;

    /**
     * Creates the policy.
     * @param catalog the catalog that holds the TTL bounds and the protection window
     * @param clock the clock that says what "now" and "today" are; its zone is the zone
     * of wedding dates
     */
    public TtlPolicy(Catalog catalog, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Computes the TTL of an entry.
     * @param dataClass the class of the entry
     * @param weddingDate the date of the entry's wedding, if known
     * @param hint how the entry will be used
     * @return a TTL inside the class's bounds
     */
    public Duration ttl(DataClass dataClass, Optional<LocalDate> weddingDate, AccessHint hint) {
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(weddingDate, "weddingDate");
        Objects.requireNonNull(hint, "hint");
        TtlBounds bounds = this.catalog.policy(dataClass).ttl();
        if (weddingDate.isPresent()) {
            LocalDate today = LocalDate.now(this.clock);
            LocalDate wedding = weddingDate.get();
            if (wedding.plusDays(1).isBefore(today)) {
                return bounds.min();
            }
            if (!wedding.isAfter(today.plusDays(this.catalog.protectionWindow().toDays()))) {
                return bounds.clamp(longer(untilEndOfDayAfter(wedding), scaled(bounds.base(), AccessHint.READ_MOSTLY)));
            }
        }
        return bounds.clamp(scaled(bounds.base(), hint));
    }

    private static Duration longer(Duration first, Duration second) {
        return (first.compareTo(second) >= 0) ? first : second;
    }

    private Duration untilEndOfDayAfter(LocalDate wedding) {
        ZoneId zone = this.clock.getZone();
        Instant end = wedding.plusDays(2).atStartOfDay(zone).toInstant();
        return Duration.between(this.clock.instant(), end);
    }

    private static Duration scaled(Duration base, AccessHint hint) {
        return switch (hint) {
            case READ_MOSTLY -> base.multipliedBy(2);
            case NORMAL -> base;
            case VOLATILE -> base.dividedBy(4);
        };
    }

}

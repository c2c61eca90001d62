package com.wedsync.grid.client.internal;

import com.hazelcast.map.IMap;
import com.wedsync.grid.client.GridCalendar;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Declaration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The calendar over the cluster's {@value CalendarMap#NAME} map; every call bounded by
 * the operation timeout.
 */
final class HazelcastGridCalendar implements GridCalendar {

    private final IMap<String, Declaration> map;

    private final Failures failures;

    private final Clock clock;

    HazelcastGridCalendar(IMap<String, Declaration> map, Failures failures, Clock clock) {
        this.map = map;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void declare(Declaration declaration) {
        Objects.requireNonNull(declaration, "declaration is missing").requireNotPast(this.clock);
        this.failures.bounded("declare", () -> {
            CalendarMap.declare(this.map, declaration, this.clock);
            return null;
        });
    }

    @Override
    public int withdraw(String weddingId) {
        return this.failures.bounded("withdraw", () -> CalendarMap.withdraw(this.map, weddingId));
    }

    @Override
    public List<Declaration> between(LocalDate from, LocalDate to) {
        CalendarMap.requireRange(from, to);
        return this.failures.bounded("between", () -> CalendarMap.between(this.map.values(), from, to));
    }

}

package com.wedsync.grid.config.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the wedding platform expects more traffic than on an ordinary day, and how much
 * more. Immutable and pure: the answer depends only on the instant, the time zone it is
 * asked for and the occasions given.
 * <ul>
 * <li>Saturdays, all day.</li>
 * <li>The wedding season, every day from May to October.</li>
 * <li>RSVP deadlines, from {@value #EVENING_HOUR}:00 to midnight of the deadline
 * day.</li>
 * <li>Photo uploads, the {@value #PHOTO_UPLOAD_DAYS} days after a wedding, all day.</li>
 * <li>Vendor deadlines, all of the deadline day.</li>
 * </ul>
 * Days and hours are local to the time zone asked about: a Saturday in Sydney starts 9 or
 * 11 hours before a Saturday in London. {@link Traffic#multiplier()} says how the causes
 * combine.
 */
public final class TrafficCalendar {

    /** The hour RSVP-deadline evenings begin. */
    public static final int EVENING_HOUR = 18;

    /** How many days after a wedding photo uploads raise traffic. */
    public static final int PHOTO_UPLOAD_DAYS = 3;

    /** How far {@link #nextPeak} looks ahead, and the longest peak it reports. */
    public static final int SEARCH_DAYS = 366;

    private static final LocalTime EVENING = LocalTime.of(EVENING_HOUR, 0);

    private final TrafficMultipliers multipliers;

    private final Map<Occasion.Kind, Set<LocalDate>> occasions;

    private final Map<LocalDate, Integer> weddings;

    private TrafficCalendar(TrafficMultipliers multipliers, Map<Occasion.Kind, Set<LocalDate>> occasions,
            Map<LocalDate, Integer> weddings) {
        this.multipliers = multipliers;
        this.occasions = occasions;
        this.weddings = weddings;
    }

    /**
     * Returns a calendar.
     * @param multipliers the multiplier of each cause
     * @param occasions the weddings and deadlines known; Saturdays and the season need
     * none. Every wedding in the collection counts towards {@link #weddingsOn}: pass a
     * list, since a set holds one wedding per date
     * @return the calendar
     */
    public static TrafficCalendar of(TrafficMultipliers multipliers, Collection<Occasion> occasions) {
        Objects.requireNonNull(multipliers, "multipliers are missing");
        Objects.requireNonNull(occasions, "occasions are missing");
        Map<Occasion.Kind, Set<LocalDate>> dates = new EnumMap<>(Occasion.Kind.class);
        for (Occasion.Kind kind : Occasion.Kind.values()) {
            dates.put(kind, new HashSet<>());
        }
        Map<LocalDate, Integer> weddings = new HashMap<>();
        for (Occasion occasion : occasions) {
            dates.get(Objects.requireNonNull(occasion, "an occasion is null").kind()).add(occasion.date());
            if (occasion.kind() == Occasion.Kind.WEDDING) {
                weddings.merge(occasion.date(), 1, Integer::sum);
            }
        }
        dates.replaceAll((kind, set) -> Set.copyOf(set));
        return new TrafficCalendar(multipliers, dates, Map.copyOf(weddings));
    }

    /**
     * Returns the calendar of Saturdays and the season alone, with the spec's
     * multipliers.
     * @return the calendar
     */
    public static TrafficCalendar standard() {
        return of(TrafficMultipliers.DEFAULTS, Set.of());
    }

    /**
     * Returns the multipliers this calendar applies.
     * @return the multipliers
     */
    public TrafficMultipliers multipliers() {
        return this.multipliers;
    }

    /**
     * Returns how many weddings take place on a date: the expected load of a day scales
     * with them (the node's ops-per-wedding factor).
     * @param date the local date
     * @return the weddings given for that date; 0 if none
     */
    public int weddingsOn(LocalDate date) {
        return this.weddings.getOrDefault(Objects.requireNonNull(date, "date is missing"), 0);
    }

    /**
     * Returns how many weddings take place from one date to another.
     * @param from the first date (inclusive)
     * @param to the last date (inclusive)
     * @return the weddings given for those dates; 0 if none or if {@code to} is before
     * {@code from}
     */
    public int weddingsBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from is missing");
        Objects.requireNonNull(to, "to is missing");
        int count = 0;
        for (Map.Entry<LocalDate, Integer> day : this.weddings.entrySet()) {
            count += (day.getKey().isBefore(from) || day.getKey().isAfter(to)) ? 0 : day.getValue();
        }
        return count;
    }

    /**
     * Returns the traffic expected at an instant.
     * @param instant the instant
     * @param zone the time zone whose days and hours count
     * @return the causes in effect and their multipliers
     */
    public Traffic at(Instant instant, ZoneId zone) {
        ZonedDateTime local = Objects.requireNonNull(instant, "instant is missing")
            .atZone(Objects.requireNonNull(zone, "zone is missing"));
        LocalDate date = local.toLocalDate();
        Map<Cause, Double> factors = new EnumMap<>(Cause.class);
        add(factors, Cause.SATURDAY, date.getDayOfWeek() == DayOfWeek.SATURDAY);
        add(factors, Cause.WEDDING_SEASON, inSeason(date.getMonth()));
        add(factors, Cause.RSVP_DEADLINE_EVENING,
                !local.toLocalTime().isBefore(EVENING) && on(Occasion.Kind.RSVP_DEADLINE, date));
        add(factors, Cause.PHOTO_UPLOADS, afterWedding(date));
        add(factors, Cause.VENDOR_DEADLINE, on(Occasion.Kind.VENDOR_DEADLINE, date));
        return factors.isEmpty() ? Traffic.ORDINARY : new Traffic(factors);
    }

    /**
     * Returns the peak in effect at an instant, or else the next one to start, within
     * {@value #SEARCH_DAYS} days. Spikes that follow each other without a break (a
     * Saturday, then the photo uploads after its weddings) make one peak; the season
     * alone makes none. The peak's traffic is the highest still to come: a peak in effect
     * reports the highest traffic from {@code from} on, and its real start.
     * @param from the instant
     * @param zone the time zone whose days and hours count
     * @return the peak, with its real start (before {@code from}) if it is already in
     * effect; empty if none is found
     */
    public Optional<Peak> nextPeak(Instant from, ZoneId zone) {
        Objects.requireNonNull(zone, "zone is missing");
        ZonedDateTime limit = Objects.requireNonNull(from, "from is missing").atZone(zone).plusDays(SEARCH_DAYS);
        ZonedDateTime start = segmentStart(from.atZone(zone));
        while (start.isBefore(limit) && !at(start.toInstant(), zone).isPeak()) {
            start = segmentEnd(start);
        }
        if (!start.isBefore(limit)) {
            return Optional.empty();
        }
        Traffic highest = Traffic.ORDINARY;
        ZonedDateTime end = start;
        Traffic traffic = at(end.toInstant(), zone);
        while (traffic.isPeak() && end.isBefore(limit)) {
            highest = (traffic.multiplier() > highest.multiplier()) ? traffic : highest;
            end = segmentEnd(end);
            traffic = at(end.toInstant(), zone);
        }
        return Optional
            .of(new Peak(realStart(start, from.atZone(zone).minusDays(SEARCH_DAYS)), end.toInstant(), highest));
    }

    private Instant realStart(ZonedDateTime start, ZonedDateTime earliest) {
        ZonedDateTime first = start;
        ZonedDateTime before = segmentStart(first.minusNanos(1));
        while (before.isAfter(earliest) && at(before.toInstant(), before.getZone()).isPeak()) {
            first = before;
            before = segmentStart(first.minusNanos(1));
        }
        return first.toInstant();
    }

    private void add(Map<Cause, Double> factors, Cause cause, boolean inEffect) {
        double multiplier = this.multipliers.of(cause);
        if (inEffect && multiplier > 1) {
            factors.put(cause, multiplier);
        }
    }

    private static boolean inSeason(Month month) {
        return month.compareTo(Month.MAY) >= 0 && month.compareTo(Month.OCTOBER) <= 0;
    }

    private boolean on(Occasion.Kind kind, LocalDate date) {
        return this.occasions.get(kind).contains(date);
    }

    private boolean afterWedding(LocalDate date) {
        for (int days = 1; days <= PHOTO_UPLOAD_DAYS; days++) {
            if (on(Occasion.Kind.WEDDING, date.minusDays(days))) {
                return true;
            }
        }
        return false;
    }

    // Traffic is constant within a segment: local midnight to the evening hour, and the
    // evening hour to midnight.

    private static ZonedDateTime segmentStart(ZonedDateTime time) {
        ZonedDateTime evening = evening(time);
        return time.isBefore(evening) ? time.toLocalDate().atStartOfDay(time.getZone()) : evening;
    }

    private static ZonedDateTime segmentEnd(ZonedDateTime time) {
        ZonedDateTime evening = evening(time);
        return time.isBefore(evening) ? evening : time.toLocalDate().plusDays(1).atStartOfDay(time.getZone());
    }

    private static ZonedDateTime evening(ZonedDateTime time) {
        return time.toLocalDate().atTime(EVENING).atZone(time.getZone());
    }

}

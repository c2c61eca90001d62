package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.config.calendar.Traffic;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.calendar.TrafficMultipliers;
import com.wedsync.grid.config.catalog.Durations;
import com.wedsync.grid.loadtest.generator.RateProfile;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated Saturday: the load of an ordinary hour, a ramp to the traffic calendar's
 * Saturday peak (its Saturday and season multipliers), the peak held, a fall back and a
 * tail, while the members' clocks say Friday night is turning into that Saturday (UTC),
 * so that the capacity advisor sees the Saturday coming within its lead time. The
 * members' clocks are shifted, never sped up: a minute of the run is a minute to them,
 * and the ramp starts as their Saturday does.
 *
 * @param ordinaryRate the operations per second of an ordinary hour
 * @param memberCapacity the operations per second the advisor counts one member for
 * ({@code grid.scaling.member-capacity-ops-per-second})
 * @param leadTime how long before the Saturday the advisor covers it
 * ({@code grid.scaling.lead-time}, at least 1 min)
 * @param loadWindow the period the advisor averages the load over
 * ({@code grid.scaling.load-window})
 * @param hold how long the measured phase runs at the ordinary rate before the Saturday
 * and the ramp start
 * @param ramp how long the ramp to the peak takes
 * @param top how long the peak is held
 * @param fall how long the fall back to the ordinary rate takes
 * @param tail how long the ordinary rate runs after the fall
 * @param saturday the Saturday the members believe is starting
 * @param multipliers the calendar's multipliers, as the members have them
 */
public record SaturdayPlan(double ordinaryRate, double memberCapacity, Duration leadTime, Duration loadWindow,
        Duration hold, Duration ramp, Duration top, Duration fall, Duration tail, LocalDate saturday,
        TrafficMultipliers multipliers) {

    /**
     * The advisor's headroom ({@code grid.scaling.headroom}'s default), for the expected
     * member counts the plan prints.
     */
    static final double HEADROOM = 0.25;

    /**
     * Validates the plan.
     * @throws IllegalArgumentException naming the option and the value of the first bad
     * one
     */
    public SaturdayPlan {
        require(ordinaryRate > 0 && ordinaryRate <= 1e6,
                "--ordinary-rate (" + ordinaryRate + ") must be above 0 and at most 1000000 ops/s");
        require(memberCapacity > 0 && memberCapacity <= 1e7,
                "--member-capacity (" + memberCapacity + ") must be above 0 and at most 10000000 ops/s");
        requireBetween("--lead-time", leadTime, Duration.ofMinutes(1), Duration.ofHours(2));
        requireBetween("--load-window", loadWindow, Duration.ofSeconds(5), Duration.ofHours(1));
        requireBetween("--hold", hold, Duration.ZERO, Duration.ofHours(2));
        requireBetween("--ramp", ramp, Duration.ZERO, Duration.ofHours(2));
        requireBetween("--top", top, Duration.ofSeconds(1), Duration.ofHours(2));
        requireBetween("--fall", fall, Duration.ZERO, Duration.ofHours(2));
        requireBetween("--tail", tail, Duration.ZERO, Duration.ofHours(2));
        Objects.requireNonNull(saturday, "saturday");
        require(saturday.getDayOfWeek() == DayOfWeek.SATURDAY, "--saturday (" + saturday + ") is a "
                + saturday.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ", not a Saturday");
        Objects.requireNonNull(multipliers, "multipliers");
    }

    /**
     * Returns the first Saturday after a day.
     * @param today the day
     * @return the next Saturday, a week on if {@code today} is one
     */
    public static LocalDate nextSaturday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    /**
     * Returns the calendar's traffic on the Saturday.
     * @return its causes and multiplier (Saturday, and the season from May to October)
     */
    public Traffic saturdayTraffic() {
        return TrafficCalendar.of(this.multipliers, Set.of())
            .at(this.saturday.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * Returns the multiplier of the peak over the ordinary rate.
     * @return the calendar's Saturday traffic multiplier
     */
    public double peakMultiplier() {
        return saturdayTraffic().multiplier();
    }

    /**
     * Returns the rate's course over the measured phase.
     * @return ordinary for {@code hold}, the ramp, the peak for {@code top}, the fall,
     * ordinary to the end
     */
    public RateProfile profile() {
        return new RateProfile(peakMultiplier(), this.hold, this.ramp, this.top, this.fall);
    }

    /**
     * Returns the length of the measured phase.
     * @return hold, ramp, top, fall and tail
     */
    public Duration measured() {
        return this.hold.plus(this.ramp).plus(this.top).plus(this.fall).plus(this.tail);
    }

    /**
     * Returns where the peak lies in the measured phase: from the start of the ramp to
     * the end of the fall, where the rate is above the ordinary one.
     * @return its start and end, from the start of the measured phase
     */
    public List<Duration> peakWindow() {
        return List.of(this.hold, this.hold.plus(this.ramp).plus(this.top).plus(this.fall));
    }

    /**
     * Returns the offset that makes the members' clocks read the Saturday's midnight
     * (UTC) when the ramp starts.
     * @param rampStart when the ramp will start, by this machine's clock
     * @return the offset, in whole seconds
     */
    public Duration clockOffset(Instant rampStart) {
        return Duration
            .ofSeconds(Duration.between(rampStart, this.saturday.atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds());
    }

    /**
     * Returns the members' JVM options of the plan: their clock's offset and the
     * advisor's capacity, lead time, load window and bounds.
     * @param clockOffset the offset of {@link #clockOffset}
     * @param minMembers the fewest members the advisor may ask for
     * @param maxMembers the most
     * @return {@code -D} options
     */
    public List<String> nodeOptions(Duration clockOffset, int minMembers, int maxMembers) {
        return List.of("-Dgrid.clock.offset=" + clockOffset.toSeconds() + "s",
                "-Dgrid.scaling.member-capacity-ops-per-second=" + (long) Math.ceil(this.memberCapacity),
                "-Dgrid.scaling.lead-time=" + this.leadTime.toSeconds() + "s",
                "-Dgrid.scaling.load-window=" + this.loadWindow.toSeconds() + "s",
                "-Dgrid.scaling.min-members=" + minMembers, "-Dgrid.scaling.max-members=" + maxMembers);
    }

    /**
     * Returns the members the advisor's now-load rule asks for at a rate.
     * @param rate operations per second
     * @return members of {@code memberCapacity} with the default headroom
     */
    public int membersFor(double rate) {
        return Math.max(1, (int) Math.ceil(rate * (1 + HEADROOM) / this.memberCapacity - 1e-9));
    }

    /**
     * Describes the plan in one line.
     * @return the rates, the calendar's multiplier and the members expected
     */
    public String describe() {
        double peak = this.ordinaryRate * peakMultiplier();
        return String.format(Locale.ROOT,
                "ordinary %.0f ops/s, Saturday %s peak %.0f ops/s (calendar %s); member capacity %.0f ops/s: an ordinary "
                        + "hour needs %d member(s), the peak %d; lead time %s, load window %s; hold %s, ramp %s, "
                        + "top %s, fall %s, tail %s",
                this.ordinaryRate, this.saturday, peak, saturdayTraffic(), this.memberCapacity,
                membersFor(this.ordinaryRate), membersFor(peak), Durations.format(this.leadTime),
                Durations.format(this.loadWindow), Durations.format(this.hold), Durations.format(this.ramp),
                Durations.format(this.top), Durations.format(this.fall), Durations.format(this.tail));
    }

    private static void requireBetween(String option, Duration value, Duration min, Duration max) {
        require(value != null, option + " must be given");
        require(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, option + " (" + Durations.format(value)
                + ") must be between " + Durations.format(min) + " and " + Durations.format(max));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

}

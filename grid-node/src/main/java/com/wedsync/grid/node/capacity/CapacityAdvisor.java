package com.wedsync.grid.node.capacity;

import com.wedsync.grid.node.alerts.rules.AlertRules;
import com.wedsync.grid.node.alerts.rules.Severity;
import com.wedsync.grid.config.calendar.Cause;
import com.wedsync.grid.config.calendar.Peak;
import com.wedsync.grid.config.calendar.Traffic;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.config.catalog.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Advises how many members the cluster needs: a pure function of the traffic calendar,
 * the policy and a snapshot.
 * <ol>
 * <li>Now: the measured load, with {@link ScalingPolicy#headroom() headroom}, in members
 * of the measured capacity.</li>
 * <li>Predictive: a peak that starts within the lead time (or is under way) is covered
 * before it starts. Its load is the ordinary load (the measured load divided by the
 * calendar's multiplier now) times the peak's multiplier. A Saturday peak gets at least
 * {@value #SATURDAY_CAPACITY_FACTOR} times the members an ordinary day of the same season
 * needs.</li>
 * <li>Weddings: the busiest day from today to the end of the lead time is covered for its
 * declared weddings times the policy's {@link ScalingPolicy#opsPerWedding() operations
 * per wedding}, when that is more than the load above: a Saturday of 400 weddings gets
 * more members than one of 40.</li>
 * <li>Reactive: a sustained critical (or worse) latency or memory alert asks for one
 * member more than now.</li>
 * <li>Scale-in: by one member at a time, and only when the cluster is safe, no peak is
 * near, no reactive alert is active, the remaining members would keep the policy's
 * scale-in band of spare capacity above the headroom and stay under its memory ceiling;
 * otherwise the count holds. The band keeps a load about one threshold from adding and
 * removing a member by turns.</li>
 * <li>The result is clamped to the policy's bounds.</li>
 * </ol>
 */
public final class CapacityAdvisor {

    /**
     * A Saturday needs at least this many times the members of an ordinary day (the
     * spec's "2x capacity").
     */
    public static final int SATURDAY_CAPACITY_FACTOR = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private final Supplier<TrafficCalendar> calendar;

    private final ScalingPolicy policy;

    /**
     * Creates an advisor with a fixed calendar.
     * @param calendar the traffic calendar
     * @param policy the bounds, lead time and headroom
     */
    public CapacityAdvisor(TrafficCalendar calendar, ScalingPolicy policy) {
        this(supplier(calendar), policy);
    }

    /**
     * Creates an advisor whose calendar may change, such as one rebuilt from the declared
     * weddings; it is asked once per advice.
     * @param calendar supplies the traffic calendar
     * @param policy the bounds, lead time and headroom
     */
    public CapacityAdvisor(Supplier<TrafficCalendar> calendar, ScalingPolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar is missing");
        this.policy = Objects.requireNonNull(policy, "policy is missing");
    }

    private static Supplier<TrafficCalendar> supplier(TrafficCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar is missing");
        return () -> calendar;
    }

    /**
     * Advises the member count for a snapshot.
     * @param snapshot the cluster now
     * @return the desired member count and its reasons
     */
    public ScalingAdvice advise(ClusterSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot is missing");
        List<String> reasons = new ArrayList<>();
        Instant now = snapshot.now().toInstant();
        ZoneId zone = snapshot.now().getZone();
        TrafficCalendar calendar = this.calendar.get();
        Traffic traffic = calendar.at(now, zone);
        double ordinaryLoad = snapshot.loadOpsPerSecond() / traffic.multiplier();
        int needed = membersFor(snapshot.loadOpsPerSecond(), snapshot);
        reasons.add("now: " + ops(snapshot.loadOpsPerSecond()) + " (" + traffic + ") needs " + members(needed) + " of "
                + ops(snapshot.memberCapacityOpsPerSecond()) + " with " + percent(this.policy.headroom())
                + " headroom");
        Optional<Peak> peak = calendar.nextPeak(now, zone)
            .filter((next) -> !next.start().isAfter(now.plus(this.policy.leadTime())));
        if (peak.isPresent()) {
            needed = Math.max(needed, coverPeak(peak.get(), ordinaryLoad, snapshot, reasons));
        }
        needed = coverWeddings(calendar, needed, snapshot, reasons);
        boolean reactive = reactive(snapshot, reasons);
        if (reactive) {
            needed = Math.max(needed, snapshot.members() + 1);
        }
        if (needed < snapshot.members() && snapshot.members() > this.policy.minMembers()) {
            needed = scaleIn(snapshot, peak.isPresent() || reactive, reasons);
        }
        return new ScalingAdvice(clamp(needed, reasons), reasons);
    }

    private int coverPeak(Peak peak, double ordinaryLoad, ClusterSnapshot snapshot, List<String> reasons) {
        double load = ordinaryLoad * peak.multiplier();
        int needed = membersFor(load, snapshot);
        Duration until = Duration.between(snapshot.now().toInstant(), peak.start());
        String when = until.isNegative() || until.isZero() ? "under way until " + time(peak.end(), snapshot)
                : "from " + time(peak.start(), snapshot) + " (in " + Durations.format(until.withNanos(0)) + ")";
        reasons.add("peak " + when + ": " + ops(load) + " (" + peak.traffic() + ") needs " + members(needed));
        if (peak.traffic().has(Cause.SATURDAY)) {
            int saturday = SATURDAY_CAPACITY_FACTOR * membersFor(ordinaryLoad * peak.traffic().season(), snapshot);
            if (saturday > needed) {
                reasons.add("Saturday: " + SATURDAY_CAPACITY_FACTOR + "x the "
                        + members(saturday / SATURDAY_CAPACITY_FACTOR) + " of an ordinary day: " + saturday);
                needed = saturday;
            }
        }
        return needed;
    }

    private int coverWeddings(TrafficCalendar calendar, int needed, ClusterSnapshot snapshot, List<String> reasons) {
        LocalDate busiest = snapshot.now().toLocalDate();
        LocalDate last = snapshot.now().plus(this.policy.leadTime()).toLocalDate();
        for (LocalDate day = busiest.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            busiest = (calendar.weddingsOn(day) > calendar.weddingsOn(busiest)) ? day : busiest;
        }
        int weddings = calendar.weddingsOn(busiest);
        if (weddings == 0 || this.policy.opsPerWedding() == 0) {
            return needed;
        }
        double load = new ExpectedLoad(this.policy.opsPerWedding()).ofWeddings(weddings);
        int members = membersFor(load, snapshot);
        reasons.add("weddings: " + weddings + " on " + DAY.format(busiest) + " x " + ops(this.policy.opsPerWedding())
                + " per wedding = " + ops(load) + " needs " + members(members));
        return Math.max(needed, members);
    }

    private static boolean reactive(ClusterSnapshot snapshot, List<String> reasons) {
        boolean reactive = false;
        for (String rule : List.of(AlertRules.LATENCY, AlertRules.MEMORY)) {
            Severity severity = snapshot.activeAlerts().get(rule);
            if (severity != null && severity.compareTo(Severity.CRITICAL) >= 0) {
                reasons.add("sustained " + severity.id() + " " + rule + " alert: one more member than "
                        + snapshot.members());
                reactive = true;
            }
        }
        return reactive;
    }

    private int scaleIn(ClusterSnapshot snapshot, boolean busy, List<String> reasons) {
        int members = snapshot.members();
        double memoryAfter = snapshot.memoryUsedShare() * members / (members - 1);
        String hold = null;
        if (!snapshot.clusterSafe()) {
            hold = "the cluster is not safe (migrations under way)";
        }
        else if (busy) {
            hold = "a peak is under way or starts within " + Durations.format(this.policy.leadTime());
        }
        else if (membersFor(snapshot.loadOpsPerSecond(), this.policy.headroom() + this.policy.scaleInBand(),
                snapshot) > members - 1) {
            hold = ops(snapshot.loadOpsPerSecond()) + " would leave " + members(members - 1) + " less than "
                    + percent(this.policy.headroom() + this.policy.scaleInBand()) + " to spare (headroom and "
                    + percent(this.policy.scaleInBand()) + " scale-in band)";
        }
        else if (memoryAfter > this.policy.scaleInMemoryCeiling()) {
            hold = "memory would reach " + percent(memoryAfter) + " on " + members(members - 1) + " (ceiling "
                    + percent(this.policy.scaleInMemoryCeiling()) + ")";
        }
        if (hold != null) {
            reasons.add("hold " + members + ": " + hold);
            return members;
        }
        reasons.add("scale in by one: safe, no peak within " + Durations.format(this.policy.leadTime()));
        return members - 1;
    }

    private int clamp(int needed, List<String> reasons) {
        if (needed > this.policy.maxMembers()) {
            reasons.add("capped at maxMembers " + this.policy.maxMembers() + " (wanted " + needed + ")");
            return this.policy.maxMembers();
        }
        if (needed < this.policy.minMembers()) {
            reasons.add("raised to minMembers " + this.policy.minMembers() + " (wanted " + needed + ")");
            return this.policy.minMembers();
        }
        return needed;
    }

    /**
     * Members that serve a load with headroom; a hair's tolerance keeps 6.0000001 from
     * becoming 7.
     */
    private int membersFor(double load, ClusterSnapshot snapshot) {
        return membersFor(load, this.policy.headroom(), snapshot);
    }

    private static int membersFor(double load, double spare, ClusterSnapshot snapshot) {
        double members = load * (1 + spare) / snapshot.memberCapacityOpsPerSecond();
        return Math.max(1, (int) Math.ceil(members - 1e-9));
    }

    private static String members(int count) {
        return count + ((count == 1) ? " member" : " members");
    }

    private static String time(Instant instant, ClusterSnapshot snapshot) {
        return WHEN.format(instant.atZone(snapshot.now().getZone()));
    }

    private static String ops(double opsPerSecond) {
        return String.format(Locale.ROOT, "%.0f ops/s", opsPerSecond);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

}

package com.wedsync.grid.loadtest.autoscale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows the capacity advisor as an autoscaler would: polls the desired members and,
 * through a {@link ScalingDecider}, starts or stops one member at a time a provisioning
 * delay after the advice first differs from the members. A watching autoscaler (for a
 * fixed cluster) only polls and records. Runs on a daemon thread of its own; every wait
 * is bounded (a poll by the fleet's HTTP timeout, a change by its ready or stop timeout).
 */
public final class Autoscaler implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final ScaledFleet fleet;

    private final ScalingDecider decider;

    private final Duration pollInterval;

    private final Clock clock;

    private final List<ScalingEvent> events = new CopyOnWriteArrayList<>();

    private volatile int desired = -1;

    private volatile int members;

    private volatile boolean stopped;

    private Thread thread;

    private Autoscaler(ScaledFleet fleet, ScalingDecider decider, Duration pollInterval, Clock clock) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.decider = decider;
        if (pollInterval.compareTo(Duration.ofMillis(100)) < 0 || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("--poll-interval (" + pollInterval + ") must be between 100ms and 1m");
        }
        this.pollInterval = pollInterval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.members = fleet.members();
    }

    /**
     * Creates an autoscaler that starts and stops members as the advice asks.
     * @param fleet the members and the advice
     * @param policy the bounds and the provisioning delay
     * @param pollInterval how often the advice is read
     * @param clock the clock the events are stamped with and the provisioning delay is
     * counted on
     * @return the autoscaler, not started
     * @throws IllegalArgumentException naming the value if the interval is out of range
     */
    public static Autoscaler following(ScaledFleet fleet, AutoscalePolicy policy, Duration pollInterval, Clock clock) {
        return new Autoscaler(fleet, new ScalingDecider(policy), pollInterval, clock);
    }

    /**
     * Creates an autoscaler that only reads and records the advice: a fixed cluster.
     * @param fleet the members and the advice
     * @param pollInterval how often the advice is read
     * @param clock the clock the events are stamped with
     * @return the autoscaler, not started
     * @throws IllegalArgumentException naming the value if the interval is out of range
     */
    public static Autoscaler watching(ScaledFleet fleet, Duration pollInterval, Clock clock) {
        return new Autoscaler(fleet, null, pollInterval, clock);
    }

    /**
     * Starts polling.
     * @return this autoscaler
     */
    public synchronized Autoscaler start() {
        if (this.thread == null) {
            this.thread = new Thread(this::run, "loadtest-autoscaler");
            this.thread.setDaemon(true);
            this.thread.start();
        }
        return this;
    }

    /**
     * Returns the members running, as of the latest poll or change.
     * @return the count
     */
    public int members() {
        return this.members;
    }

    /**
     * Returns the latest advice read.
     * @return the desired members, {@code -1} while unknown
     */
    public int desired() {
        return this.desired;
    }

    /**
     * Tells whether this autoscaler changes the members.
     * @return {@code false} for a watching one
     */
    public boolean follows() {
        return this.decider != null;
    }

    /**
     * Returns what it saw and did, in order.
     * @return the events so far
     */
    public List<ScalingEvent> events() {
        return List.copyOf(this.events);
    }

    /**
     * Reads the advice once, records a change of it, and takes the decider's step; a
     * start or a stop is carried out before this returns.
     */
    void poll() {
        Optional<Advice> advice = this.fleet.advice();
        int running = this.fleet.members();
        this.members = running;
        if (advice.isPresent() && advice.get().desired() != this.desired) {
            record("desired", running, advice.get().desired(),
                    ((this.desired < 0) ? "first read" : "was " + this.desired) + ": "
                            + String.join("; ", advice.get().reasons()));
            this.desired = advice.get().desired();
        }
        if (this.decider == null) {
            return;
        }
        Instant now = this.clock.instant();
        switch (this.decider.decide(now.getEpochSecond() * 1_000_000_000L + now.getNano(), running,
                advice.isPresent() ? OptionalInt.of(advice.get().desired()) : OptionalInt.empty())) {
            case START_REQUESTED -> record("start-requested", running, this.desired, "");
            case STOP_REQUESTED -> record("stop-requested", running, this.desired, "");
            case DROPPED -> record("dropped", running, this.desired, "the advice no longer asks for it");
            case START -> change(true);
            case STOP -> change(false);
            case NONE, WAITING -> {
            }
        }
    }

    private void change(boolean start) {
        record(start ? "starting" : "stopping", this.members, this.desired, "");
        try {
            String member = start ? this.fleet.startMember() : this.fleet.stopMember();
            this.members = this.fleet.members();
            record(start ? "joined" : "left", this.members, this.desired, member);
        }
        catch (RuntimeException ex) {
            this.members = this.fleet.members();
            record("failed", this.members, this.desired, String.valueOf(ex.getMessage()));
        }
    }

    private void record(String kind, int running, int advice, String detail) {
        this.events.add(new ScalingEvent(this.clock.instant(), kind, running, advice, detail));
    }

    private void run() {
        long next = System.nanoTime();
        while (!this.stopped && !Thread.currentThread().isInterrupted()) {
            poll();
            next += this.pollInterval.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            else {
                next = System.nanoTime();
            }
        }
    }

    /**
     * Stops polling; a change under way is interrupted (the fleet's close stops its
     * member).
     */
    @Override
    public void close() {
        this.stopped = true;
        Thread running;
        synchronized (this) {
            running = this.thread;
        }
        if (running == null) {
            return;
        }
        LockSupport.unpark(running);
        try {
            running.join(JOIN_TIMEOUT.toMillis());
            if (running.isAlive()) {
                running.interrupt();
                running.join(JOIN_TIMEOUT.toMillis());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}

package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.loadtest.generator.Progress;
import com.wedsync.grid.loadtest.generator.RunSettings;
import com.wedsync.grid.loadtest.target.GridControl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out a scenario's {@link Disruption} during a run: told of the run's progress
 * once a second, it starts the disruption on a thread of its own when the measured phase
 * reaches the disruption's time, then waits for the cluster to be safe again and records
 * how long that took.
 */
public final class DisruptionRun implements Consumer<Progress> {

    /** The longest wait for the cluster to be safe again after a disruption. */
    static final Duration SAFE_TIMEOUT = Duration.ofSeconds(60);

    private final Disruption disruption;

    private final GridControl control;

    private final Duration fireAt;

    private volatile Thread thread;

    private volatile long firedNanos;

    private final Map<String, Object> findings = new LinkedHashMap<>();

    private volatile boolean safe;

    /**
     * Prepares a disruption.
     * @param scenario the scenario's name, for messages
     * @param disruption what to do
     * @param control the grid the target started, if any
     * @param settings the run's settings, for the disruption's time
     * @throws IllegalArgumentException naming the scenario if it needs an embedded grid
     * and the target has none
     */
    public DisruptionRun(String scenario, Disruption disruption, Optional<GridControl> control, RunSettings settings) {
        this.disruption = disruption;
        if (disruption.kind() != Disruption.Kind.NONE && control.isEmpty()) {
            throw new IllegalArgumentException("--scenario " + scenario + " needs a grid it starts itself: use "
                    + "--target grid or grid-l2 without --members");
        }
        this.control = control.orElse(null);
        this.fireAt = settings.warmup().plusNanos((long) (settings.duration().toNanos() * disruption.at()));
    }

    @Override
    public void accept(Progress progress) {
        if (this.disruption.kind() == Disruption.Kind.NONE || this.thread != null
                || progress.elapsed().compareTo(this.fireAt) < 0) {
            return;
        }
        Thread started = new Thread(this::disrupt, "loadtest-disruption");
        started.setDaemon(true);
        this.thread = started;
        started.start();
    }

    /**
     * Returns the {@code nanoTime} the disruption started at.
     * @return the time, or 0 if it has not started
     */
    public long firedNanos() {
        return this.firedNanos;
    }

    /**
     * Waits for the disruption to finish (bounded), and returns what it found.
     * @return kind, when it happened, members before and after, and seconds until the
     * cluster was safe again; empty when nothing happened
     */
    public Map<String, Object> finish() {
        Thread started = this.thread;
        if (this.disruption.kind() == Disruption.Kind.NONE) {
            return Map.of();
        }
        if (started == null) {
            return Map.of("kind", this.disruption.kind().name(), "error", "the run ended before the disruption");
        }
        try {
            started.join(SAFE_TIMEOUT.plusSeconds(30).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        synchronized (this.findings) {
            return new LinkedHashMap<>(this.findings);
        }
    }

    /**
     * Tells whether the cluster was safe again after the disruption, within
     * {@link #SAFE_TIMEOUT}.
     * @return {@code true} once it was
     */
    public boolean safeAgain() {
        return this.safe;
    }

    private void disrupt() {
        record("kind", this.disruption.kind().name());
        record("atSeconds", this.fireAt.toMillis() / 1000.0);
        record("membersBefore", this.control.runningMembers());
        try {
            this.firedNanos = System.nanoTime();
            switch (this.disruption.kind()) {
                case SCALE_OUT -> this.control.startMember();
                case FAILOVER -> this.control.killMember();
                default -> throw new IllegalStateException("no action for " + this.disruption.kind());
            }
            record("actionSeconds", (System.nanoTime() - this.firedNanos) / 1e9);
            record("membersAfter", this.control.runningMembers());
            this.control.awaitSafe(SAFE_TIMEOUT);
            record("secondsUntilSafe", (System.nanoTime() - this.firedNanos) / 1e9);
            this.safe = true;
        }
        catch (RuntimeException ex) {
            record("error", String.valueOf(ex.getMessage()));
        }
    }

    private void record(String key, Object value) {
        synchronized (this.findings) {
            this.findings.put(key, value);
        }
    }

}

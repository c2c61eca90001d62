package com.wedsync.grid.node.e2e;

import java.time.Duration;

/**
 * How long and how often the chaos tests disrupt the grid: a reduced form that fits in
 * {@code mvn verify}, and a full form for {@code -Dchaos.full=true} (longer load, several
 * fault and recovery cycles).
 *
 * @param full whether this is the full form
 * @param load the load of one cycle
 * @param cycles how many fault and recovery cycles a test runs
 */
record ChaosProfile(boolean full, ChaosLoad.Settings load, int cycles) {

    /** Returns the form chosen by the {@code chaos.full} system property. */
    static ChaosProfile current() {
        if (Boolean.getBoolean("chaos.full")) {
            return new ChaosProfile(true, new ChaosLoad.Settings(2, 250, 2, 500, Duration.ofSeconds(40)), 3);
        }
        return new ChaosProfile(false, new ChaosLoad.Settings(2, 250, 2, 500, Duration.ofSeconds(12)), 1);
    }

    /**
     * Returns this profile with a load of at least the given length, for a fault whose
     * recovery takes longer than the reduced form's load.
     * @param duration the shortest load
     * @return the profile
     */
    ChaosProfile withLoadOfAtLeast(Duration duration) {
        ChaosLoad.Settings settings = this.load;
        Duration longer = (settings.duration().compareTo(duration) >= 0) ? settings.duration() : duration;
        return new ChaosProfile(this.full, new ChaosLoad.Settings(settings.writers(), settings.writesPerSecond(),
                settings.readers(), settings.readsPerSecond(), longer), this.cycles);
    }

    /**
     * Returns how many writes a cycle lets the grid acknowledge before the fault (about 3
     * s of load).
     */
    long writesBeforeFault() {
        return 3L * this.load.writers() * this.load.writesPerSecond();
    }
}

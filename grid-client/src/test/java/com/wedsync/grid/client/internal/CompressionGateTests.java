package com.wedsync.grid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompressionGateTests {

    private final CompressionGate gate = new CompressionGate();

    @Test
    void everyValueIsTriedUntilEightInARowSavedNothing() {
        for (int i = 0; i < CompressionGate.GIVE_UP_AFTER; i++) {
            assertThat(this.gate.attempt()).as("attempt %d", i).isTrue();
            this.gate.attempted(false);
        }
        assertThat(attemptsOf(10 * CompressionGate.PROBE_EVERY)).isEqualTo(10);
    }

    @Test
    void aSavingInBetweenStartsTheCountAgain() {
        failures(CompressionGate.GIVE_UP_AFTER - 1);
        this.gate.attempted(true);
        failures(CompressionGate.GIVE_UP_AFTER - 1);
        assertThat(this.gate.attempt()).as("after 7 failures, a saving and 7 failures").isTrue();

        this.gate.attempted(false);
        assertThat(this.gate.attempt()).as("after 8 failures in a row").isFalse();
    }

    @Test
    void aProbeThatCompressesOpensTheGateAgain() {
        failures(CompressionGate.GIVE_UP_AFTER);
        int skipped = 0;
        while (!this.gate.attempt()) {
            skipped++;
        }
        this.gate.attempted(true);

        assertThat(skipped).isEqualTo(CompressionGate.PROBE_EVERY - 1);
        assertThat(attemptsOf(CompressionGate.GIVE_UP_AFTER)).isEqualTo(CompressionGate.GIVE_UP_AFTER);
    }

    private void failures(int count) {
        for (int i = 0; i < count; i++) {
            this.gate.attempted(false);
        }
    }

    /**
     * Asks the gate about {@code values} values, recording each attempt as having saved
     * nothing.
     */
    private int attemptsOf(int values) {
        int attempts = 0;
        for (int i = 0; i < values; i++) {
            if (this.gate.attempt()) {
                attempts++;
                this.gate.attempted(false);
            }
        }
        return attempts;
    }

}

package com.wedsync.grid.config.calendar;

import java.math.BigDecimal;

/**
 * Writes multipliers for reasons and messages.
 */
final class Multipliers {

    private Multipliers() {
    }

    /**
     * Writes a multiplier without trailing zeros.
     * @param value the multiplier
     * @return for example {@code 5}, {@code 1.5} or {@code NaN}
     */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

}

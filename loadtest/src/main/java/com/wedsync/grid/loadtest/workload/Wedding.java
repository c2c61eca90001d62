package com.wedsync.grid.loadtest.workload;

import java.time.LocalDate;

/**
 * One wedding of the model.
 *
 * @param id the wedding id, the partition key of all its entries, for example
 * {@code w-2026-06-13-0042}
 * @param date the day of the wedding
 * @param guests how many guests it has (the {@code guest:<n>} items)
 */
public record Wedding(String id, LocalDate date, int guests) {

    /**
     * Tells whether the wedding takes place within the given number of days from a day
     * (the hot, upcoming ones).
     * @param origin the first day of the window
     * @param days the length of the window in days
     * @return {@code true} if {@code origin <= date < origin + days}
     */
    public boolean isWithin(LocalDate origin, int days) {
        return !this.date.isBefore(origin) && this.date.isBefore(origin.plusDays(days));
    }
}

package com.wedsync.grid.client;

import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.calendar.Deadline;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.Wedding;
import java.time.LocalDate;
import java.util.List;

/**
 * The cluster's calendar of weddings and their deadlines: what a service declares here,
 * every member's traffic calendar and capacity advisor see within a sample interval.
 * Declarations are kept in the map {@code grid_calendar} until seven days after their
 * date. Every call waits at most the operation timeout.
 *
 * <pre>{@code
 * GridCalendar calendar = grid.calendar();
 * calendar.declare(new Wedding("w-42", LocalDate.of(2027, 6, 19), "Europe/London", 180, 12));
 * calendar.declare(Deadline.rsvp("w-42", LocalDate.of(2027, 5, 1), "Europe/London"));
 * }</pre>
 */
public interface GridCalendar {

    /**
     * Declares a {@link Wedding} or a {@link Deadline}, replacing the one of the same
     * wedding (and kind).
     * @param declaration the declaration
     * @throws InvalidFieldException naming {@code date} when it lies before today in the
     * declaration's zone (the other fields were checked when it was made)
     * @throws GridUnavailableException if the grid did not answer in time
     */
    void declare(Declaration declaration);

    /**
     * Withdraws a wedding and its deadlines.
     * @param weddingId the wedding
     * @return how many declarations were removed (0 to 3)
     * @throws InvalidFieldException naming {@code weddingId} when it is blank or too long
     * @throws GridUnavailableException if the grid did not answer in time
     */
    int withdraw(String weddingId);

    /**
     * Lists the declarations dated within a range.
     * @param from the first date (inclusive)
     * @param to the last date (inclusive)
     * @return the declarations, by date, then kind and wedding
     * @throws InvalidFieldException naming {@code to} when it lies before {@code from}
     * @throws GridUnavailableException if the grid did not answer in time
     */
    List<Declaration> between(LocalDate from, LocalDate to);

}

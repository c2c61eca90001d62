package com.wedsync.grid.node.calendar;

import com.wedsync.grid.config.calendar.Deadline;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.Wedding;
import java.util.List;
import java.util.Locale;

/**
 * What {@code GET /actuator/calendar} answers.
 *
 * @param from the first date listed, or {@code null} for no bound
 * @param to the last date listed, or {@code null} for no bound
 * @param count the declarations in the range
 * @param weddingsToday the weddings of today in the monitor's time zone
 * ({@code grid_weddings_active})
 * @param weddingsUpcoming the weddings of the 7 days after today
 * ({@code grid_weddings_upcoming})
 * @param declarations the declarations in the range, by date, at most
 * {@value CalendarEndpoint#MAX_LISTED}
 */
public record CalendarView(String from, String to, int count, int weddingsToday, int weddingsUpcoming,
        List<Entry> declarations) {

    /**
     * One declaration, as the endpoint reads and writes it.
     *
     * @param type {@code wedding}, {@code rsvp} or {@code vendor}
     * @param weddingId the wedding
     * @param date the local date, such as {@code 2027-06-19}
     * @param zone the IANA time zone of the date
     * @param guests the guests of a wedding; {@code null} for a deadline
     * @param vendors the vendors of a wedding; {@code null} for a deadline
     */
    public record Entry(String type, String weddingId, String date, String zone, Integer guests, Integer vendors) {

        /**
         * Returns the view of a declaration.
         * @param declaration the declaration
         * @return the view
         */
        public static Entry of(Declaration declaration) {
            if (declaration instanceof Wedding wedding) {
                return new Entry("wedding", wedding.id(), wedding.date().toString(), wedding.zone(), wedding.guests(),
                        wedding.vendors());
            }
            Deadline deadline = (Deadline) declaration;
            return new Entry(deadline.kind().name().toLowerCase(Locale.ROOT), deadline.weddingId(),
                    deadline.date().toString(), deadline.zone(), null, null);
        }
    }

}

package com.wedsync.grid.node.calendar;

import com.wedsync.grid.config.InvalidFieldException;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Deadline;
import com.wedsync.grid.config.calendar.Declaration;
import com.wedsync.grid.config.calendar.Wedding;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The cluster's calendar, behind the admin token:
 * <ul>
 * <li>{@code GET /actuator/calendar?from=2027-06-01&to=2027-06-30}: the declarations
 * dated in a range (both ends optional, inclusive), at most {@value #MAX_LISTED}.</li>
 * <li>{@code POST /actuator/calendar} with a JSON body
 * {@code {"type":"wedding","weddingId":"w-42","date":"2027-06-19","zone":"Europe/London","guests":180,"vendors":12}}
 * (or type {@code rsvp} / {@code vendor} without guests and vendors): declares it.</li>
 * <li>{@code DELETE /actuator/calendar/w-42}: withdraws the wedding and its
 * deadlines.</li>
 * </ul>
 * A malformed declaration or range is a 400 whose message names the field and the value.
 */
@Endpoint(id = "calendar")
public class CalendarEndpoint {

    /** The most declarations one answer lists. */
    public static final int MAX_LISTED = 1000;

    private final StoredDeclarations stored;

    private final WeddingCount weddings;

    private final Clock clock;

    /**
     * Creates the endpoint.
     * @param stored the declarations
     * @param weddings counts today's and the coming week's weddings
     * @param clock the clock that says what today is
     */
    public CalendarEndpoint(StoredDeclarations stored, WeddingCount weddings, Clock clock) {
        this.stored = stored;
        this.weddings = weddings;
        this.clock = clock;
    }

    /**
     * Lists the declarations dated in a range.
     * @param from the first date, such as {@code 2027-06-01}; no bound when absent
     * @param to the last date; no bound when absent
     * @return the view
     * @throws InvalidEndpointRequestException (400) naming {@code from} or {@code to}
     * when it is no date or the range is inverted
     */
    @ReadOperation
    public CalendarView list(@Nullable String from, @Nullable String to) {
        List<Declaration> listed = refusingBadInput(() -> CalendarMap.between(this.stored.read(),
                (from != null) ? date("from", from) : LocalDate.MIN, (to != null) ? date("to", to) : LocalDate.MAX));
        return new CalendarView(from, to, listed.size(), this.weddings.today(), this.weddings.upcoming(),
                listed.stream().limit(MAX_LISTED).map(CalendarView.Entry::of).toList());
    }

    /**
     * Declares a wedding or a deadline, replacing the one of the same wedding (and kind).
     * @param type {@code wedding}, {@code rsvp} or {@code vendor}
     * @param weddingId the wedding
     * @param date the local date, such as {@code 2027-06-19}, not before today in
     * {@code zone}
     * @param zone the IANA time zone of the date
     * @param guests a wedding's guests, at least 1
     * @param vendors a wedding's vendors, at least 0 (0 when absent)
     * @return the declaration as stored
     * @throws InvalidEndpointRequestException (400) naming the field and the value when
     * one is missing or malformed
     */
    @WriteOperation
    public CalendarView.Entry declare(@Nullable String type, @Nullable String weddingId, @Nullable String date,
            @Nullable String zone, @Nullable String guests, @Nullable String vendors) {
        Declaration declaration = refusingBadInput(() -> declaration(type, weddingId, date, zone, guests, vendors));
        refusingBadInput(() -> {
            CalendarMap.declare(this.stored.map(), declaration, this.clock);
            return declaration;
        });
        return CalendarView.Entry.of(declaration);
    }

    /**
     * Withdraws a wedding and its deadlines.
     * @param weddingId the wedding
     * @return the wedding id and how many declarations were removed
     */
    @DeleteOperation
    public Map<String, Object> withdraw(@Selector String weddingId) {
        int removed = refusingBadInput(() -> CalendarMap.withdraw(this.stored.map(), weddingId));
        return Map.of("weddingId", weddingId, "removed", removed);
    }

    private static Declaration declaration(@Nullable String type, @Nullable String weddingId, @Nullable String date,
            @Nullable String zone, @Nullable String guests, @Nullable String vendors) {
        String kind = String.valueOf(type).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "wedding" -> new Wedding(weddingId, date("date", date), zone, count("guests", guests, null),
                    count("vendors", vendors, 0));
            case "rsvp" -> Deadline.rsvp(weddingId, date("date", date), zone);
            case "vendor" -> Deadline.vendor(weddingId, date("date", date), zone);
            default -> throw InvalidFieldException.of("type", String.valueOf(type), "must be wedding, rsvp or vendor");
        };
    }

    private static LocalDate date(String field, @Nullable String text) {
        try {
            return LocalDate.parse(String.valueOf(text));
        }
        catch (DateTimeParseException ex) {
            throw InvalidFieldException.of(field, String.valueOf(text), "must be a date such as 2027-06-19");
        }
    }

    private static int count(String field, @Nullable String text, @Nullable Integer absent) {
        if (text == null && absent != null) {
            return absent;
        }
        try {
            return Integer.parseInt(String.valueOf(text).trim());
        }
        catch (NumberFormatException ex) {
            throw InvalidFieldException.of(field, String.valueOf(text), "must be a whole number");
        }
    }

    private static <T> T refusingBadInput(Supplier<T> action) {
        try {
            return action.get();
        }
        catch (InvalidFieldException ex) {
            throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
        }
    }

}

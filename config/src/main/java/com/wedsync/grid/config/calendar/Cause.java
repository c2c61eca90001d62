package com.wedsync.grid.config.calendar;

/**
 * Why traffic is above the ordinary level. {@link #WEDDING_SEASON} raises the level of
 * every day in the season; the others are spikes (see {@link Traffic#multiplier()} for
 * how they combine).
 */
public enum Cause {

    /**
     * Wedding day: most weddings are on Saturdays, with vendors and guests online all
     * day.
     */
    SATURDAY("Saturday"),
    /** May to October: more weddings, so more of everything. */
    WEDDING_SEASON("wedding season (May-October)"),
    /** The evening of an RSVP deadline (from 18:00): guests answer at the last moment. */
    RSVP_DEADLINE_EVENING("RSVP-deadline evening"),
    /** The days after a wedding: guests and photographers upload and browse photos. */
    PHOTO_UPLOADS("photo uploads after a wedding"),
    /** The day of a vendor deadline: vendors confirm timelines and numbers. */
    VENDOR_DEADLINE("vendor deadline");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    /**
     * Returns the cause as operators read it in reasons.
     * @return for example {@code RSVP-deadline evening}
     */
    public String label() {
        return this.label;
    }

}

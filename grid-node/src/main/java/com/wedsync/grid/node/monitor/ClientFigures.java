package com.wedsync.grid.node.monitor;

import java.util.Map;

/**
 * What the clients saw, aggregated by the oldest member from their fresh summaries.
 *
 * @param clients the clients whose summaries were fresh and well-formed
 * @param classes the figures per data class, by class id
 * @param all the figures over every class
 */
public record ClientFigures(int clients, Map<String, ClientClassFigures> classes, ClientClassFigures all) {

    /** No client reports (or this member does not aggregate them). */
    public static final ClientFigures NONE = new ClientFigures(0, Map.of(), ClientClassFigures.NONE);

    /**
     * Copies the figures.
     */
    public ClientFigures {
        classes = Map.copyOf(classes);
    }

    /**
     * Returns the figures of one class.
     * @param dataClass the class id
     * @return them, {@link ClientClassFigures#NONE} when no client saw it
     */
    public ClientClassFigures of(String dataClass) {
        return this.classes.getOrDefault(dataClass, ClientClassFigures.NONE);
    }

}

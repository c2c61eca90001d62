package com.wedsync.grid.loadtest.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a bulk load measured, as {@code bulk-load.json} holds it.
 *
 * @param target the target's name
 * @param dataClass the class the values went to
 * @param values how many values a round loads
 * @param valueBytes the size of each
 * @param batch values per write call
 * @param members the grid's member count, 0 for Redis
 * @param rounds each round's figures, the first (cold) one first
 * @param cpu each process's CPU over the warm rounds (all but the first; the only one if
 * there is one), as a run report's {@code usage}, with the rounds it covers; empty if no
 * round completed
 */
public record BulkResult(String target, String dataClass, int values, int valueBytes, int batch, int members,
        List<Round> rounds, Map<String, Object> cpu) {

    /**
     * Writes the result as JSON.
     * @param file the file, replaced if it exists
     * @throws UncheckedIOException if it cannot be written
     */
    public void write(Path file) {
        try {
            JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        }
        catch (JacksonException ex) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + ex.getMessage(), ex));
        }
    }

    /**
     * Returns whether every round loaded every value within the timeout.
     * @return true if nothing timed out
     */
    public boolean completed() {
        return this.rounds.stream().allMatch(Round::completed);
    }

    /**
     * One load of all values.
     *
     * @param written how many values were acknowledged
     * @param completed whether that was all of them, within the timeout
     * @param seconds from the first write to the last acknowledgement
     * @param valuesPerSecond {@code written / seconds}
     */
    public record Round(int written, boolean completed, double seconds, double valuesPerSecond) {

        static Round of(int written, boolean completed, long nanos) {
            double seconds = nanos / 1e9;
            return new Round(written, completed, seconds, (seconds > 0) ? written / seconds : 0);
        }
    }
}

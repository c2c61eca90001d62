package com.wedsync.grid.loadtest.soak;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures from Prometheus' text exposition, as a member's
 * {@code /actuator/prometheus} serves it.
 */
final class Exposition {

    private Exposition() {
    }

    /**
     * Sums the samples of one metric, over every label set that has a given label.
     * @param text the exposition
     * @param metric the metric's name, for example {@code grid_map_entries}
     * @param label a label the samples must carry, for example {@code area="heap"}; empty
     * for every sample
     * @return the sum, empty if no sample matched
     */
    static OptionalDouble sum(String text, String metric, String label) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            String labels = (matcher.group(1) != null) ? matcher.group(1) : "";
            if (labels.contains(label)) {
                sum += Double.parseDouble(matcher.group(2));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

}

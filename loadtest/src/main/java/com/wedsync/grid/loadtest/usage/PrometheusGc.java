package com.wedsync.grid.loadtest.usage;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's collector pauses as its {@code /actuator/prometheus} exports them
 * ({@code jvm_gc_pause_seconds}: count, sum and the histogram buckets grid-node
 * publishes), summed over every collector and cause. Two readings give the pauses between
 * them exactly by count and total; the longest is bounded by the smallest bucket that
 * holds them all.
 *
 * @param count the pauses so far
 * @param totalSeconds their summed length
 * @param buckets cumulative pause counts per upper bound in seconds ({@code le}),
 * {@code +Inf} left out
 */
record PrometheusGc(double count, double totalSeconds, Map<Double, Double> buckets) {

    private static final Pattern SAMPLE = Pattern
        .compile("^jvm_gc_pause_seconds_(count|sum|bucket)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /**
     * Reads the pauses from an exposition.
     * @param exposition the text of {@code /actuator/prometheus}
     * @return the figures, 0 where a series is missing
     */
    static PrometheusGc parse(String exposition) {
        double count = 0;
        double sum = 0;
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher matcher = SAMPLE.matcher(exposition);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(3));
            switch (matcher.group(1)) {
                case "count" -> count += value;
                case "sum" -> sum += value;
                default -> {
                    Matcher le = LE.matcher(matcher.group(2));
                    if (le.find() && !le.group(1).equals("+Inf")) {
                        buckets.merge(Double.parseDouble(le.group(1)), value, Double::sum);
                    }
                }
            }
        }
        return new PrometheusGc(count, sum, buckets);
    }

    /**
     * Returns the pauses since an earlier reading.
     * @param before the earlier reading
     * @return count, total, the smallest bound that holds every pause (infinite if none
     * does), and those over 10 ms
     */
    GcFigures since(PrometheusGc before) {
        long count = Math.round(this.count - before.count);
        double max = (count == 0) ? 0 : Double.POSITIVE_INFINITY;
        long over10 = count;
        for (Map.Entry<Double, Double> bucket : this.buckets.entrySet()) {
            long within = Math.round(bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0.0));
            if (within >= count && max == Double.POSITIVE_INFINITY) {
                max = bucket.getKey() * 1000;
            }
            if (bucket.getKey() == 0.01) {
                over10 = count - within;
            }
        }
        if (count > 0 && !this.buckets.containsKey(0.01)) {
            over10 = -1;
        }
        return new GcFigures(count, (this.totalSeconds - before.totalSeconds) * 1000, max, false, over10);
    }
}

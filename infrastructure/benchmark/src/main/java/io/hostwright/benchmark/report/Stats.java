package io.hostwright.benchmark.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of a sample of durations in milliseconds. Percentiles are nearest-rank: the smallest value with at
 * least p % of the sample at or below it, so every figure printed is one that was actually measured.
 */
public record Stats(int count, double min, double p50, double p90, double p99, double max, double mean) {

    public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static Stats of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Stats of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElseThrow());
    }

    /** Nearest-rank percentile of an ascending array; {@code p} in (0, 100]. */
    public static double percentile(double[] ascending, double p) {
        if (ascending.length == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(1, rank) - 1];
    }

    /**
     * The middle value, or the mean of the two middle values of an even-sized sample (the usual median of a handful
     * of cold starts).
     */
    public static double median(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

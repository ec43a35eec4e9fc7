package playground.loadtest;

import java.util.Arrays;

/** Nearest-rank percentiles of the load commands' timings; negative entries (never happened) are left out. */
final class Percentiles {
    private Percentiles() {}

    static long of(long[] times, int p) {
        long[] sorted = Arrays.stream(times).filter(v -> v >= 0).sorted().toArray();
        if (sorted.length == 0) return -1;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double of(double[] values, int p) {
        double[] sorted = Arrays.stream(values).sorted().toArray();
        if (sorted.length == 0) return -1;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

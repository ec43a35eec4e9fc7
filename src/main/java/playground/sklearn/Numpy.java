package playground.sklearn;

import java.util.Arrays;

/** The few NumPy reductions whose rounding the scores depend on. */
final class Numpy {
    private Numpy() {}

    /** {@code np.sum} of a contiguous float64 array: pairwise summation with NumPy's blocks of 8 below 128 items. */
    static double sum(double[] a) {
        return pairwise(a, 0, a.length);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0.0;   // NumPy starts from -0.0, the same for every sum that is not all negative zeros
            for (int i = 0; i < n; i++) s += a[from + i];
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) r[j] = a[from + j];
            int i;
            for (i = 8; i < n - n % 8; i += 8) for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) s += a[from + i];
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }

    static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /** Column means, summed as {@code X.mean(axis=0)} does (row by row, straight). */
    static double[] columnMeans(double[][] x) {
        int d = x[0].length;
        double[] m = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) m[j] += row[j];
        for (int j = 0; j < d; j++) m[j] /= x.length;
        return m;
    }

    /** Population variance per column ({@code np.var(X, axis=0)}). */
    static double[] columnVariances(double[][] x, double[] mean) {
        int d = mean.length;
        double[] v = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) v[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        for (int j = 0; j < d; j++) v[j] /= x.length;
        return v;
    }

    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i][j];
        return c;
    }

    /** The sorted distinct values ({@code np.unique}). */
    static double[] unique(double[] y) {
        return Arrays.stream(y).distinct().sorted().toArray();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }
}

package playground.sklearn;

/** scikit-learn's metrics, summed in the same order NumPy does for small arrays (pairwise for long ones). */
public final class Metrics {
    private Metrics() {}

    public static double accuracy(double[] y, double[] p) {
        int right = 0;
        for (int i = 0; i < y.length; i++) if (y[i] == p[i]) right++;
        return (double) right / y.length;
    }

    /** {@code r2_score}: 1 − Σ(y − p)² / Σ(y − ȳ)². */
    public static double r2(double[] y, double[] p) {
        double mean = Numpy.mean(y);
        double[] res = new double[y.length], tot = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            res[i] = (y[i] - p[i]) * (y[i] - p[i]);
            tot[i] = (y[i] - mean) * (y[i] - mean);
        }
        double ssRes = Numpy.sum(res), ssTot = Numpy.sum(tot);
        if (ssTot == 0) return ssRes == 0 ? 1.0 : 0.0;
        return 1 - ssRes / ssTot;
    }

    public static double mse(double[] y, double[] p) {
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) e[i] = (y[i] - p[i]) * (y[i] - p[i]);
        return Numpy.sum(e) / y.length;
    }

    public static double rmse(double[] y, double[] p) {
        return Math.sqrt(mse(y, p));
    }

    public static double mae(double[] y, double[] p) {
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) e[i] = Math.abs(y[i] - p[i]);
        return Numpy.sum(e) / y.length;
    }

    /** {@code confusion_matrix(y, p, labels=classes)}: rows are true classes, columns predicted. */
    public static int[][] confusion(double[] y, double[] p, double[] classes) {
        int[][] m = new int[classes.length][classes.length];
        for (int i = 0; i < y.length; i++) {
            int t = java.util.Arrays.binarySearch(classes, y[i]), q = java.util.Arrays.binarySearch(classes, p[i]);
            if (t >= 0 && q >= 0) m[t][q]++;
        }
        return m;
    }
}

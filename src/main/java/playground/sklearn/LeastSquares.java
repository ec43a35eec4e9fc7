package playground.sklearn;

/**
 * Minimum-norm least squares, {@code scipy.linalg.lstsq} with its default cutoff: singular values at most
 * {@code eps · σ_max} count as zero, so duplicated columns (PolynomialFeatures' {@code CHAS²} = {@code CHAS}) share
 * their weight as scikit-learn's coefficients do. The SVD is one-sided Jacobi, accurate to the last digits for the
 * small systems here; a wide system is solved through its transpose.
 */
final class LeastSquares {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 60;

    private LeastSquares() {}

    /** The x minimising ‖a x − b‖ with the least ‖x‖; a is rows × columns, b one column. */
    static double[] solve(double[][] a, double[] b) {
        int m = a.length, n = a[0].length;
        // Columns of w start as the columns of a and are rotated until orthogonal: w = a·v, w_i = σ_i u_i.
        double[][] w = new double[n][m];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) w[j][i] = a[i][j];
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) v[j][j] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = dot(w[p], w[p]), beta = dot(w[q], w[q]), gamma = dot(w[p], w[q]);
                    if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(w[p], w[q], c, s);
                    rotate(v[p], v[q], c, s);
                }
            }
            if (!rotated) break;
        }
        double[] sigma = new double[n];
        double max = 0;
        for (int j = 0; j < n; j++) max = Math.max(max, sigma[j] = Math.sqrt(dot(w[j], w[j])));
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            if (sigma[j] <= EPS * max || sigma[j] == 0) continue;
            double coefficient = dot(w[j], b) / (sigma[j] * sigma[j]);
            for (int k = 0; k < n; k++) x[k] += coefficient * v[j][k];
        }
        return x;
    }

    /** Solves (A) x = b for a symmetric positive definite A by Cholesky ({@code scipy.linalg.solve(assume_a="pos")}). */
    static double[] cholesky(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (s <= 0) throw new ArithmeticException("matrix is not positive definite");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static void rotate(double[] p, double[] q, double c, double s) {
        for (int i = 0; i < p.length; i++) {
            double a = p[i], b = q[i];
            p[i] = c * a - s * b;
            q[i] = s * a + c * b;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Multiply-adds of {@link #solve} for rows × columns (a typical ten sweeps). */
    static double ops(int rows, int columns) {
        return 10.0 * columns * (columns - 1) / 2 * rows * 4;
    }
}

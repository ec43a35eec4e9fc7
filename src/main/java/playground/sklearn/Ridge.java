package playground.sklearn;

import java.util.List;

/**
 * {@code Ridge(alpha=1.0)} with 1.2's {@code auto} solver on dense rows: Cholesky on (XᵀX + αI) w = Xᵀy, or on the
 * kernel (XXᵀ + αI) when there are more features than rows.
 */
public final class Ridge extends LinearModel {
    static final ParamSpec ALPHA = ParamSpec.number("alpha", 1.0, 0, false, Double.POSITIVE_INFINITY, "규제 세기 alpha");
    static final List<ParamSpec> PARAMS = List.of(ALPHA, FIT_INTERCEPT);
    private final double alpha;

    public Ridge(Params params) {
        super(params.bool(FIT_INTERCEPT));
        this.alpha = params.number(ALPHA);
        params.rejectUnknown(PARAMS);
    }

    @Override
    double[] solve(double[][] x, double[] y) {
        int n = x.length, d = x[0].length;
        if (d <= n) {
            double[][] a = new double[d][d];
            double[] b = new double[d];
            for (double[] row : x) for (int j = 0; j < d; j++) for (int k = 0; k <= j; k++) a[j][k] += row[j] * row[k];
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) a[k][j] = a[j][k];
                a[j][j] += alpha;
                for (int i = 0; i < n; i++) b[j] += x[i][j] * y[i];
            }
            return LeastSquares.cholesky(a, b);
        }
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) kernel[i][k] = kernel[k][i] = Numpy.dot(x[i], x[k]);
            kernel[i][i] += alpha;
        }
        double[] dual = LeastSquares.cholesky(kernel, y);
        double[] w = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) w[j] += x[i][j] * dual[i];
        return w;
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        int k = Math.min(rows, features);
        return new Cost((double) rows * features * k + Math.pow(k, 3) / 3, 8.0 * (rows * features + (double) k * k));
    }
}

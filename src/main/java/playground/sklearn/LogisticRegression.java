package playground.sklearn;

import java.util.List;

/**
 * {@code LogisticRegression(penalty='l2', C=1.0, solver='lbfgs', max_iter=100, tol=1e-4)}: binary log loss for two
 * classes, multinomial (softmax, one row of coefficients per class) for more, as 1.2's {@code multi_class='auto'}.
 * The objective is scikit-learn's: mean log loss + ‖W‖² / (2·C·n), the intercept unpenalised.
 */
public final class LogisticRegression implements Estimator, Probabilistic {
    static final ParamSpec C = ParamSpec.number("C", 1.0, 0, true, Double.POSITIVE_INFINITY, "규제의 역수 C (작을수록 강한 규제)");
    static final ParamSpec MAX_ITER = ParamSpec.integer("max_iter", 100, 0, 100_000, "최대 반복 수");
    static final ParamSpec TOL = ParamSpec.number("tol", 1e-4, 0, false, Double.POSITIVE_INFINITY, "멈춤 허용 오차");
    static final ParamSpec PENALTY = ParamSpec.choice("penalty", "규제", "l2", "none");
    static final ParamSpec SOLVER = ParamSpec.choice("solver", "최적화 방법", "lbfgs");
    static final ParamSpec MULTI_CLASS = ParamSpec.choice("multi_class", "다중 분류 방식", "auto", "multinomial");
    static final ParamSpec FIT_INTERCEPT = LinearModel.FIT_INTERCEPT;
    static final List<ParamSpec> PARAMS = List.of(C, MAX_ITER, TOL, PENALTY, SOLVER, FIT_INTERCEPT, MULTI_CLASS);
    private final double c, tol;
    private final int maxIter;
    private final boolean fitIntercept, penalised, multinomial;
    private double[] classes;
    private double[][] coef;
    private double[] intercept;
    private int nIter;

    public LogisticRegression(Params params) {
        c = params.number(C);
        maxIter = params.integer(MAX_ITER);
        tol = params.number(TOL);
        penalised = params.choice(PENALTY).equals("l2");
        params.choice(SOLVER);
        multinomial = params.choice(MULTI_CLASS).equals("multinomial");
        fitIntercept = params.bool(FIT_INTERCEPT);
        params.rejectUnknown(PARAMS);
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        classes = Numpy.unique(y);
        int n = x.length, d = x[0].length, k = classes.length, rowsOfW = k == 2 && !multinomial ? 1 : k;
        if (k < 2) throw new IllegalArgumentException("LogisticRegression needs at least two classes, got " + k);
        int[] label = new int[n];
        for (int i = 0; i < n; i++) label[i] = java.util.Arrays.binarySearch(classes, y[i]);
        int width = d + (fitIntercept ? 1 : 0);
        double l2 = penalised ? 1.0 / (c * n) : 0;
        Lbfgs.Objective objective = (w, grad) -> rowsOfW == 1 ? binary(x, label, w, grad, width, l2) : multinomial(x, label, k, w, grad, width, l2);
        Lbfgs.Result result = Lbfgs.minimize(objective, new double[rowsOfW * width], tol, maxIter, listener);
        nIter = result.iterations();
        coef = new double[rowsOfW][d];
        intercept = new double[rowsOfW];
        for (int r = 0; r < rowsOfW; r++) {
            System.arraycopy(result.w(), r * width, coef[r], 0, d);
            if (fitIntercept) intercept[r] = result.w()[r * width + d];
        }
    }

    private double binary(double[][] x, int[] label, double[] w, double[] grad, int width, double l2) {
        int n = x.length, d = x[0].length;
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = (fitIntercept ? w[d] : 0) + dot(x[i], w, 0);
            // log(1 + e^z) − y·z, computed without overflow
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - label[i] * z;
            double err = (1 / (1 + Math.exp(-z)) - label[i]) / n;
            for (int j = 0; j < d; j++) grad[j] += err * x[i][j];
            if (fitIntercept) grad[d] += err;
        }
        loss /= n;
        for (int j = 0; j < d; j++) {
            loss += 0.5 * l2 * w[j] * w[j];
            grad[j] += l2 * w[j];
        }
        return loss;
    }

    private double multinomial(double[][] x, int[] label, int k, double[] w, double[] grad, int width, double l2) {
        int n = x.length, d = x[0].length;
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                z[c] = (fitIntercept ? w[c * width + d] : 0) + dot(x[i], w, c * width);
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(z[c] - max);
            double logSum = max + Math.log(sum);
            loss += logSum - z[label[i]];
            for (int c = 0; c < k; c++) {
                double err = (Math.exp(z[c] - logSum) - (label[i] == c ? 1 : 0)) / n;
                for (int j = 0; j < d; j++) grad[c * width + j] += err * x[i][j];
                if (fitIntercept) grad[c * width + d] += err;
            }
        }
        loss /= n;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double v = w[c * width + j];
                loss += 0.5 * l2 * v * v;
                grad[c * width + j] += l2 * v;
            }
        }
        return loss;
    }

    private static double dot(double[] x, double[] w, int offset) {
        double s = 0;
        for (int j = 0; j < x.length; j++) s += x[j] * w[offset + j];
        return s;
    }

    /** Decision values: one column for two classes, one per class otherwise. */
    private double[] decision(double[] row) {
        double[] z = new double[coef.length];
        for (int r = 0; r < coef.length; r++) z[r] = intercept[r] + dot(row, coef[r], 0);
        return z;
    }

    /** The sigmoid of the decision for two classes, its softmax for more. */
    @Override
    public double[][] predictProba(double[][] x) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] z = decision(x[i]);
            if (z.length == 1) {
                double one = 1 / (1 + Math.exp(-z[0]));
                p[i] = new double[] {1 - one, one};
                continue;
            }
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : z) max = Math.max(max, v);
            p[i] = new double[z.length];
            for (int c = 0; c < z.length; c++) sum += p[i][c] = Math.exp(z[c] - max);
            for (int c = 0; c < z.length; c++) p[i][c] /= sum;
        }
        return p;
    }

    @Override
    public double[] predict(double[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] z = decision(x[i]);
            int best = 0;
            if (z.length == 1) best = z[0] > 0 ? 1 : 0;
            else for (int c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
            p[i] = classes[best];
        }
        return p;
    }

    @Override
    public boolean classifier() {
        return true;
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        int k = Math.max(1, classes == 2 ? 1 : classes);
        // each iteration: a gradient pass and about two more line-search passes over the rows
        return new Cost(3.0 * maxIter * rows * (features + 1) * k * 2, 8.0 * (rows * features + 25.0 * k * (features + 1)));
    }

    public double[][] coef() {
        return coef;
    }

    public double[] intercept() {
        return intercept;
    }

    public int nIter() {
        return nIter;
    }

    public double[] classes() {
        return classes.clone();
    }
}

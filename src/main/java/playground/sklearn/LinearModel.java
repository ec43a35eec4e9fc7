package playground.sklearn;

/**
 * What linear regressors share: {@code fit_intercept} by centring X and y on the training means (scikit-learn's
 * {@code _preprocess_data}), a solver on the centred rows, then {@code intercept = ȳ − x̄·coef}.
 */
abstract class LinearModel implements Estimator {
    static final ParamSpec FIT_INTERCEPT = ParamSpec.bool("fit_intercept", true, "절편 학습");
    protected final boolean fitIntercept;
    protected double[] coef;
    protected double intercept;

    LinearModel(boolean fitIntercept) {
        this.fitIntercept = fitIntercept;
    }

    /** Coefficients for centred rows. */
    abstract double[] solve(double[][] x, double[] y);

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        int d = x[0].length;
        double[] xMean = fitIntercept ? Numpy.columnMeans(x) : new double[d];
        double yMean = fitIntercept ? Numpy.mean(y) : 0;
        double[][] xc = new double[x.length][d];
        double[] yc = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) xc[i][j] = x[i][j] - xMean[j];
            yc[i] = y[i] - yMean;
        }
        coef = solve(xc, yc);
        intercept = fitIntercept ? yMean - Numpy.dot(xMean, coef) : 0;
        listener.step("solve", 1, 1);
    }

    @Override
    public double[] predict(double[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) p[i] = Numpy.dot(x[i], coef) + intercept;
        return p;
    }

    @Override
    public boolean classifier() {
        return false;
    }

    public double[] coef() {
        return coef.clone();
    }

    public double intercept() {
        return intercept;
    }
}

package playground.sklearn;

/**
 * A scikit-learn estimator: {@code fit} then {@code predict}; {@code score} is accuracy for classifiers and R² for
 * regressors, as {@code model.score}. Rows are {@code double[row][feature]}; a class target holds class labels as
 * numbers. An instance is fitted by one thread; once fitted it may be read from any thread.
 */
public interface Estimator {
    /** Fits on the rows; reports each step to {@code listener} and stops with CancellationException if cancelled. */
    void fit(double[][] x, double[] y, FitListener listener);

    double[] predict(double[][] x);

    /** Whether {@code score} is accuracy (a classifier) rather than R². */
    boolean classifier();

    /** The fit's cost for {@code rows} × {@code features} with {@code classes} classes (0 for regression). */
    Cost cost(int rows, int features, int classes);

    /**
     * The work of predicting one row once fitted, in the same currency as {@link #cost} (what the plane's grid of
     * predictions costs): a linear model's dot product by default.
     */
    default double predictRowOps(int rows, int features, int classes) {
        return 2.0 * (features + 1) * Math.max(1, classes);
    }

    default void fit(double[][] x, double[] y) {
        fit(x, y, FitListener.NONE);
    }

    default double score(double[][] x, double[] y) {
        double[] p = predict(x);
        return classifier() ? Metrics.accuracy(y, p) : Metrics.r2(y, p);
    }
}

package playground.sklearn;

import java.util.List;

/** {@code make_pipeline(*steps, estimator)}: the steps are fitted on the training rows and applied before predicting. */
public final class Pipeline implements Estimator {
    private final List<Transformer> steps;
    private final Estimator estimator;

    public Pipeline(List<Transformer> steps, Estimator estimator) {
        this.steps = List.copyOf(steps);
        this.estimator = estimator;
    }

    public Estimator estimator() {
        return estimator;
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        double[][] t = x;
        for (Transformer step : steps) t = step.fitTransform(t);
        estimator.fit(t, y, listener);
    }

    /** The names of the columns the final estimator sees, for the data set's own. */
    public List<String> featureNames(List<String> names) {
        List<String> out = names;
        for (Transformer step : steps) out = step.featureNames(out);
        return out;
    }

    /** Points the final estimator sees (a k-means centre), back in the data set's own space, step by step. */
    public double[][] inverse(double[][] points) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            for (int s = steps.size() - 1; s >= 0; s--) p = steps.get(s).inverse(p);
            out[i] = p;
        }
        return out;
    }

    /** The rows as the final estimator sees them. */
    public double[][] transform(double[][] x) {
        double[][] t = x;
        for (Transformer step : steps) t = step.transform(t);
        return t;
    }

    @Override
    public double[] predict(double[][] x) {
        return estimator.predict(transform(x));
    }

    @Override
    public boolean classifier() {
        return estimator.classifier();
    }

    @Override
    public double predictRowOps(int rows, int features, int classes) {
        int f = outputFeatures(features);
        return 2.0 * f + estimator.predictRowOps(rows, f, classes);
    }

    private int outputFeatures(int features) {
        int f = features;
        for (Transformer step : steps) f = step.outputFeatures(f);
        return f;
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        int f = features;
        double ops = 0;
        for (Transformer step : steps) {
            f = step.outputFeatures(f);
            ops += 3.0 * rows * f;   // fitted, then applied to the training rows and again to the rows scored
        }
        // the transformed rows are held while the estimator fits on them: their bytes add to the estimator's
        Cost fit = estimator.cost(rows, f, classes);
        return new Cost(fit.ops() + ops, fit.bytes() + rows * (8.0 * f + 32));
    }
}

package playground.sklearn;

/** A preprocessing step: fitted on the training rows only, then applied to any rows. */
public interface Transformer {
    void fit(double[][] x);

    double[][] transform(double[][] x);

    /** The names of the columns out, for the names of the columns in (a scaler keeps them). */
    default java.util.List<String> featureNames(java.util.List<String> names) {
        return names;
    }

    /**
     * The point of the input space a point of the output space stands for ({@code inverse_transform}); for a step
     * that adds columns, the input columns it kept (PolynomialFeatures' degree-1 terms).
     */
    double[] inverse(double[] point);

    /** Features out for {@code features} in. */
    int outputFeatures(int features);

    default double[][] fitTransform(double[][] x) {
        fit(x);
        return transform(x);
    }
}

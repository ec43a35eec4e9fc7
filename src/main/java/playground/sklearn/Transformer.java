package playground.sklearn;

/** A preprocessing step: fitted on the training rows only, then applied to any rows. */
public interface Transformer {
    void fit(double[][] x);

    double[][] transform(double[][] x);

    /** Features out for {@code features} in. */
    int outputFeatures(int features);

    default double[][] fitTransform(double[][] x) {
        fit(x);
        return transform(x);
    }
}

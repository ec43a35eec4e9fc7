package playground.engine;

/** The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as scikit-learn's {@code r2_score}. */
public final class RSquared {
    private RSquared() {}

    public static double of(double[] predicted, double[] actual) {
        if (predicted.length != actual.length || actual.length == 0) {
            throw new IllegalArgumentException("need equal, non-empty lengths, got " + predicted.length + " and "
                    + actual.length);
        }
        double mean = 0;
        for (double y : actual) mean += y;
        mean /= actual.length;
        double residual = 0, total = 0;
        for (int i = 0; i < actual.length; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - residual / total;
    }
}

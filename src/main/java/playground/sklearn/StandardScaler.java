package playground.sklearn;

import java.util.Set;

/** {@code StandardScaler(with_mean=True, with_std=True)}: (x − mean) / std, a zero std left as 1. */
public final class StandardScaler implements Transformer {
    static final Set<String> PARAMS = Set.of("with_mean", "with_std");
    private final boolean withMean, withStd;
    private double[] mean, scale;

    public StandardScaler(Params params) {
        withMean = params.bool("with_mean", true);
        withStd = params.bool("with_std", true);
        params.rejectUnknown(PARAMS);
    }

    @Override
    public void fit(double[][] x) {
        mean = Numpy.columnMeans(x);
        double[] variance = Numpy.columnVariances(x, mean);
        scale = new double[mean.length];
        for (int j = 0; j < scale.length; j++) scale[j] = withStd && variance[j] > 0 ? Math.sqrt(variance[j]) : 1;
    }

    @Override
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) out[i][j] = (withMean ? x[i][j] - mean[j] : x[i][j]) / scale[j];
        }
        return out;
    }

    @Override
    public int outputFeatures(int features) {
        return features;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }
}

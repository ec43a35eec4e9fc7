package playground.sklearn;

import java.util.List;

/** {@code StandardScaler(with_mean=True, with_std=True)}: (x − mean) / std, a zero std left as 1. */
public final class StandardScaler implements Transformer {
    static final ParamSpec WITH_MEAN = ParamSpec.bool("with_mean", true, "평균 빼기");
    static final ParamSpec WITH_STD = ParamSpec.bool("with_std", true, "표준편차로 나누기");
    static final List<ParamSpec> PARAMS = List.of(WITH_MEAN, WITH_STD);
    private final boolean withMean, withStd;
    private double[] mean, scale;

    public StandardScaler(Params params) {
        withMean = params.bool(WITH_MEAN);
        withStd = params.bool(WITH_STD);
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
    public double[] inverse(double[] point) {
        double[] out = new double[point.length];
        for (int j = 0; j < out.length; j++) out[j] = point[j] * scale[j] + (withMean ? mean[j] : 0);
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

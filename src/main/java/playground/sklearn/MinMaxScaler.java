package playground.sklearn;

import java.util.List;

/** {@code MinMaxScaler(feature_range=(0, 1))}: x·scale + min, with scale = range / (max − min), a zero span as 1. */
public final class MinMaxScaler implements Transformer {
    static final ParamSpec FEATURE_RANGE = ParamSpec.range("feature_range", List.of(0, 1), "바꿀 범위 [최솟값, 최댓값]");
    static final List<ParamSpec> PARAMS = List.of(FEATURE_RANGE);
    private final double low, high;
    private double[] scale, min;

    public MinMaxScaler(Params params) {
        Object range = params.raw(FEATURE_RANGE.name(), FEATURE_RANGE.defaultValue());
        if (!(range instanceof List<?> r) || r.size() != 2 || !(r.get(0) instanceof Number a) || !(r.get(1) instanceof Number b)
                || a.doubleValue() >= b.doubleValue()) {
            throw params.error(FEATURE_RANGE.name(), "[최솟값, 최댓값] (최솟값 < 최댓값)", range);
        }
        low = a.doubleValue();
        high = b.doubleValue();
        params.rejectUnknown(PARAMS);
    }

    @Override
    public void fit(double[][] x) {
        int d = x[0].length;
        scale = new double[d];
        min = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                lo = Math.min(lo, row[j]);
                hi = Math.max(hi, row[j]);
            }
            double span = hi - lo == 0 ? 1 : hi - lo;
            scale[j] = (high - low) / span;
            min[j] = low - lo * scale[j];
        }
    }

    @Override
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][scale.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < scale.length; j++) out[i][j] = x[i][j] * scale[j] + min[j];
        return out;
    }

    @Override
    public double[] inverse(double[] point) {
        double[] out = new double[point.length];
        for (int j = 0; j < out.length; j++) out[j] = (point[j] - min[j]) / scale[j];
        return out;
    }

    @Override
    public int outputFeatures(int features) {
        return features;
    }
}

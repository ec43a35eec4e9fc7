package playground.sklearn;

import java.util.List;

/** {@code LinearRegression(fit_intercept=True)}: the normal equation's least-squares solution, as {@code lstsq}. */
public final class LinearRegression extends LinearModel {
    static final List<ParamSpec> PARAMS = List.of(FIT_INTERCEPT);

    public LinearRegression(Params params) {
        super(params.bool(FIT_INTERCEPT));
        params.rejectUnknown(PARAMS);
    }

    public LinearRegression() {
        this(Params.none("model.params"));
    }

    @Override
    double[] solve(double[][] x, double[] y) {
        return LeastSquares.solve(x, y);
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        return new Cost(LeastSquares.ops(rows, features) + 2.0 * rows * features, 8.0 * (rows * features * 2 + features * features));
    }
}

package playground.sklearn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * {@code PolynomialFeatures(degree=2, include_bias=True)}: the bias, the features, then every product of degree
 * 2…degree in scikit-learn's column order, each built as a term of one degree less times one feature, as
 * scikit-learn multiplies them (so the rounding is the same).
 */
public final class PolynomialFeatures implements Transformer {
    static final ParamSpec DEGREE = ParamSpec.integer("degree", 2, 0, 10, "차수");
    static final ParamSpec INCLUDE_BIAS = ParamSpec.bool("include_bias", true, "상수항(1) 열 넣기");
    static final ParamSpec INTERACTION_ONLY = ParamSpec.bool("interaction_only", false, "곱하기 항만");
    static final List<ParamSpec> PARAMS = List.of(DEGREE, INCLUDE_BIAS, INTERACTION_ONLY);
    public static final int MAX_OUTPUT_FEATURES = 20_000;
    private final int degree;
    private final boolean includeBias, interactionOnly;
    private final String degreeField;
    private int inputFeatures;

    public PolynomialFeatures(Params params) {
        degree = params.integer(DEGREE);
        includeBias = params.bool(INCLUDE_BIAS);
        interactionOnly = params.bool(INTERACTION_ONLY);
        degreeField = params.field(DEGREE.name());
        params.rejectUnknown(PARAMS);
    }

    public PolynomialFeatures(int degree, boolean includeBias) {
        this(new Params("model.preprocess", java.util.Map.of("degree", degree, "include_bias", includeBias)));
    }

    @Override
    public void fit(double[][] x) {
        inputFeatures = x[0].length;
        if (outputFeatures(inputFeatures) > MAX_OUTPUT_FEATURES) {
            throw new InvalidParamException(degreeField, degreeField + "이(가) 너무 커서 특성이 "
                    + outputFeatures(inputFeatures) + "개가 됩니다 (최대 " + MAX_OUTPUT_FEATURES + "개)");
        }
    }

    @Override
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = row(x[i]);
        return out;
    }

    private double[] row(double[] x) {
        List<Double> features = new ArrayList<>();
        for (double v : x) features.add(v);
        return toArray(terms(features, 1.0, (a, b) -> a * b));
    }

    /** {@code get_feature_names_out}: "1", "a", "b", "a^2", "a b", "b^2", … for input names a, b. */
    @Override
    public List<String> featureNames(List<String> names) {
        int n = names.size();
        List<int[]> units = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            int[] unit = new int[n];
            unit[f] = 1;
            units.add(unit);
        }
        BinaryOperator<int[]> times = (a, b) -> {
            int[] c = a.clone();
            for (int f = 0; f < n; f++) c[f] += b[f];
            return c;
        };
        List<String> out = new ArrayList<>();
        for (int[] powers : terms(units, new int[n], times)) {
            List<String> parts = new ArrayList<>();
            for (int f = 0; f < n; f++) if (powers[f] > 0) parts.add(names.get(f) + (powers[f] > 1 ? "^" + powers[f] : ""));
            out.add(parts.isEmpty() ? "1" : String.join(" ", parts));
        }
        return out;
    }

    /** The terms in scikit-learn's column order, each a term of one degree less times one feature. */
    private <T> List<T> terms(List<T> x, T one, BinaryOperator<T> times) {
        int n = x.size();
        List<T> columns = new ArrayList<>();
        if (includeBias) columns.add(one);
        if (degree == 0) return columns;
        int first = columns.size();
        columns.addAll(x);
        // index[f]: the first column of the previous degree's block whose terms use no feature before f.
        List<Integer> index = new ArrayList<>();
        for (int f = 0; f < n; f++) index.add(first + f);
        index.add(columns.size());
        for (int d = 2; d <= degree; d++) {
            List<Integer> next = new ArrayList<>();
            int end = index.get(n);
            for (int f = 0; f < n; f++) {
                int start = index.get(f);
                next.add(columns.size());
                if (interactionOnly) start += index.get(f + 1) - index.get(f);
                if (end - start <= 0) break;
                for (int c = start; c < end; c++) columns.add(times.apply(columns.get(c), x.get(f)));
            }
            while (next.size() < n) next.add(columns.size());
            next.add(columns.size());
            index = next;
        }
        return columns;
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) a[i] = values.get(i);
        return a;
    }

    /** The degree-1 columns, which follow the bias (a point of degree 0 stands for no input at all). */
    @Override
    public double[] inverse(double[] point) {
        int first = includeBias ? 1 : 0;
        return degree == 0 ? new double[inputFeatures] : java.util.Arrays.copyOfRange(point, first, first + inputFeatures);
    }

    @Override
    public int outputFeatures(int features) {
        // C(n + d, d) terms of degree ≤ d (or the sums of C(n, k) when interaction_only), less the bias if left out.
        double total = 0;
        for (int k = 0; k <= degree; k++) total += interactionOnly ? binomial(features, k) : binomial(features + k - 1, k);
        return (int) Math.min(Integer.MAX_VALUE, total - (includeBias ? 0 : 1));
    }

    private static double binomial(int n, int k) {
        if (k < 0 || k > n) return 0;
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.rint(r);
    }
}

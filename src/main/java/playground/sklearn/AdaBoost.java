package playground.sklearn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code AdaBoostClassifier(n_estimators=50, learning_rate=1.0, algorithm='SAMME.R')} on stumps
 * ({@code DecisionTreeClassifier(max_depth=1)}), as 1.2: weights start at 1/n and are renormalised after each round;
 * each stump's {@code random_state} is the next {@code randint(2³¹−1)}. SAMME.R weighs rounds by the stumps'
 * log-probabilities, SAMME by log((1 − err)/err) + log(K − 1). Predicts with the rounds so far.
 */
public final class AdaBoost implements Estimator, Staged {
    static final ParamSpec N_ESTIMATORS = ParamSpec.integer("n_estimators", 50, 1, 10_000, "라운드 수 (그루터기 수)");
    static final ParamSpec LEARNING_RATE = ParamSpec.number("learning_rate", 1.0, 0, true, Double.POSITIVE_INFINITY, "학습률");
    static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", "알고리즘", "SAMME.R", "SAMME");
    static final List<ParamSpec> PARAMS = List.of(N_ESTIMATORS, LEARNING_RATE, ALGORITHM, DecisionTree.RANDOM_STATE);
    private static final double EPS = Math.ulp(1.0);
    private final int nEstimators;
    private final double learningRate;
    private final boolean real;
    private final long randomState;
    private final List<DecisionTree> stumps = new ArrayList<>();
    private final List<Double> stumpWeights = new ArrayList<>();
    private final List<Double> errors = new ArrayList<>();
    private double[] classes;
    private int features;

    public AdaBoost(Params params, long seed) {
        nEstimators = params.integer(N_ESTIMATORS);
        learningRate = params.number(LEARNING_RATE);
        real = params.choice(ALGORITHM).equals("SAMME.R");
        randomState = params.seed(DecisionTree.RANDOM_STATE, seed);
        params.rejectUnknown(PARAMS);
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        stumps.clear();
        stumpWeights.clear();
        errors.clear();
        features = x[0].length;
        classes = Numpy.unique(y);
        int n = x.length, k = classes.length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        divide(w, Numpy.sum(w));
        RandomState random = new RandomState(randomState);
        float[][] columns = DecisionTree.columns(x);
        for (int round = 0; round < nEstimators; round++) {
            FitListener.check(listener);
            for (int i = 0; i < n; i++) w[i] = Math.max(w[i], EPS);   // 1.2 clips tiny weights (issue #20320)
            DecisionTree stump = new DecisionTree(true, "gini", 1, 2, 1, null, random.randint(0, Integer.MAX_VALUE));
            stump.fit(columns, y, w, FitListener.NONE);
            stumps.add(stump);
            double[][] proba = stump.predictProba(x);
            double[] incorrect = new double[n];
            for (int i = 0; i < n; i++) incorrect[i] = classes[DecisionTree.argmax(proba[i])] != y[i] ? 1 : 0;
            double error = weightedMean(incorrect, w);
            boolean last = round == nEstimators - 1;
            if (error <= 0) {
                record(1.0, 0.0, listener, round);
                break;
            }
            if (real) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        double coding = classes[c] == y[i] ? 1.0 : -1.0 / (k - 1);
                        s += coding * StrictMath.log(Math.max(proba[i][c], EPS));   // xlogy(coding, clipped proba)
                    }
                    double factor = -1.0 * learningRate * ((k - 1.0) / k) * s;
                    if (!last && (w[i] > 0 || factor < 0)) w[i] *= StrictMath.exp(factor);
                }
                record(1.0, error, listener, round);
            } else {
                if (error >= 1.0 - 1.0 / k) {
                    stumps.remove(stumps.size() - 1);
                    if (stumps.isEmpty()) throw new IllegalStateException("AdaBoost: the first stump is no better than chance");
                    break;
                }
                double alpha = learningRate * (Math.log((1.0 - error) / error) + Math.log(k - 1.0));
                if (!last) for (int i = 0; i < n; i++) w[i] = Math.exp(Math.log(w[i]) + alpha * incorrect[i] * (w[i] > 0 ? 1 : 0));
                record(alpha, error, listener, round);
            }
            double sum = Numpy.sum(w);
            if (!Double.isFinite(sum) || sum <= 0) break;
            if (!last) divide(w, sum);
        }
    }

    private void record(double weight, double error, FitListener listener, int round) {
        stumpWeights.add(weight);
        errors.add(error);
        listener.step("round", round + 1, nEstimators);
    }

    /** {@code np.average(incorrect, weights=w)}: Σ w·x / Σ w. */
    private static double weightedMean(double[] v, double[] w) {
        double[] product = new double[v.length];
        for (int i = 0; i < v.length; i++) product[i] = v[i] * w[i];
        return Numpy.sum(product) / Numpy.sum(w);
    }

    private static void divide(double[] w, double by) {
        for (int i = 0; i < w.length; i++) w[i] /= by;
    }

    @Override
    public double[] predict(double[][] x) {
        return follow(x).predict();
    }

    @Override
    public String stage() {
        return "round";
    }

    /** The decision function's sums: SAMME.R's centred log-probabilities, or SAMME's weighted votes. */
    @Override
    public Staged.Running follow(double[][] x) {
        int k = classes.length;
        double[][] score = new double[x.length][k];
        return new Staged.Running() {
            private int seen;

            @Override
            public double[] predict() {
                for (; seen < stumps.size(); seen++) add(stumps.get(seen), stumpWeights.get(seen), x, score);
                double[] out = new double[x.length];
                for (int i = 0; i < x.length; i++) out[i] = classes[DecisionTree.argmax(score[i])];
                return out;
            }
        };
    }

    private void add(DecisionTree stump, double weight, double[][] x, double[][] score) {
        int k = classes.length;
        if (real) {
            double[][] proba = stump.predictProba(x);
            for (int i = 0; i < x.length; i++) {
                double[] log = new double[k];
                double sum = 0;
                for (int c = 0; c < k; c++) sum += log[c] = StrictMath.log(Math.max(proba[i][c], EPS));
                for (int c = 0; c < k; c++) score[i][c] += (k - 1) * (log[c] - (1.0 / k) * sum);
            }
        } else {
            double[] p = stump.predict(x);
            for (int i = 0; i < x.length; i++) score[i][java.util.Arrays.binarySearch(classes, p[i])] += weight;
        }
    }

    /** The stumps' importances weighted by their round weights. */
    public double[] featureImportances() {
        double[] imp = new double[features];
        double norm = 0;
        for (int t = 0; t < stumps.size(); t++) {
            double[] f = stumps.get(t).featureImportances();
            for (int j = 0; j < features; j++) imp[j] += stumpWeights.get(t) * f[j];
            norm += stumpWeights.get(t);
        }
        for (int j = 0; j < features; j++) imp[j] /= norm;
        return imp;
    }

    public int rounds() {
        return stumps.size();
    }

    public List<Double> errors() {
        return List.copyOf(errors);
    }

    @Override
    public boolean classifier() {
        return true;
    }

    /** Each round: its stump's two levels and the class sums (logs for SAMME.R). */
    @Override
    public double predictRowOps(int rows, int features, int classes) {
        return nEstimators * (4.0 + 8.0 * Math.max(2, classes));
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        return new Cost(nEstimators * (rows * Math.max(1, Math.log(rows)) * features * 2 + 4.0 * rows * classes),
                4.0 * rows * features + 8.0 * rows * (6 + classes));
    }
}

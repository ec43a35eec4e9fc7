package playground.sklearn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code RandomForestClassifier} / {@code RandomForestRegressor} (n_estimators=100, max_features "sqrt" / 1.0,
 * bootstrap=True): tree i gets {@code random_state} = the i-th {@code randint(2³¹−1)} of
 * {@code RandomState(random_state)}, its bootstrap is {@code RandomState(that).randint(0, n, n)} passed as sample
 * weights, and predictions average the trees' probabilities (or values). Predicts with the trees grown so far.
 */
public final class RandomForest implements Estimator, Staged, Probabilistic {
    static final ParamSpec N_ESTIMATORS = ParamSpec.integer("n_estimators", 100, 1, 10_000, "트리 수");
    static final ParamSpec BOOTSTRAP = ParamSpec.bool("bootstrap", true, "부트스트랩 샘플로 트리마다 다른 행");
    private static final ParamSpec SQRT_FEATURES = DecisionTree.MAX_FEATURES.withDefault("sqrt");
    private static final ParamSpec ALL_FEATURES = DecisionTree.MAX_FEATURES.withDefault(1.0);

    /** The declared params of a classifier's or a regressor's forest (they differ in criterion and max_features). */
    static List<ParamSpec> params(boolean classifier) {
        return List.of(N_ESTIMATORS, classifier ? DecisionTree.GINI : DecisionTree.SQUARED_ERROR, DecisionTree.MAX_DEPTH,
                DecisionTree.MIN_SAMPLES_SPLIT, DecisionTree.MIN_SAMPLES_LEAF, classifier ? SQRT_FEATURES : ALL_FEATURES,
                BOOTSTRAP, DecisionTree.RANDOM_STATE);
    }
    private static final long MAX_INT = Integer.MAX_VALUE;
    private final boolean classifier, bootstrap;
    private final int nEstimators;
    private final String criterion;
    private final Integer maxDepth;
    private final Object minSamplesSplit, minSamplesLeaf, maxFeatures;
    private final long randomState;
    private final List<DecisionTree> trees = new ArrayList<>();
    private double[] classes;
    private int features;

    public RandomForest(boolean classifier, Params params, long seed) {
        this.classifier = classifier;
        nEstimators = params.integer(N_ESTIMATORS);
        criterion = params.choice(classifier ? DecisionTree.GINI : DecisionTree.SQUARED_ERROR);
        maxDepth = params.integerOrNone(DecisionTree.MAX_DEPTH);
        minSamplesSplit = DecisionTree.readCount(params, DecisionTree.MIN_SAMPLES_SPLIT);
        minSamplesLeaf = DecisionTree.readCount(params, DecisionTree.MIN_SAMPLES_LEAF);
        maxFeatures = DecisionTree.readMaxFeatures(params, classifier ? SQRT_FEATURES : ALL_FEATURES);
        bootstrap = params.bool(BOOTSTRAP);
        randomState = params.seed(DecisionTree.RANDOM_STATE, seed);
        params.rejectUnknown(params(classifier));
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        trees.clear();
        features = x[0].length;
        classes = classifier ? Numpy.unique(y) : null;
        RandomState random = new RandomState(randomState);
        float[][] columns = DecisionTree.columns(x);
        long[] seeds = new long[nEstimators];
        for (int i = 0; i < nEstimators; i++) seeds[i] = random.randint(0, MAX_INT);
        for (int i = 0; i < nEstimators; i++) {
            FitListener.check(listener);
            DecisionTree tree = new DecisionTree(classifier, criterion, maxDepth, minSamplesSplit, minSamplesLeaf,
                    maxFeatures, seeds[i]);
            double[] weights = null;
            if (bootstrap) {
                weights = new double[x.length];
                for (int row : new RandomState(seeds[i]).randints(x.length, x.length)) weights[row]++;
            }
            tree.fit(columns, y, weights, FitListener.NONE);
            trees.add(tree);
            listener.step("tree", i + 1, nEstimators);
        }
    }

    @Override
    public double[] predict(double[][] x) {
        return follow(x).predict();
    }

    /** The mean of the trees' probabilities (the trees so far, while it grows). */
    @Override
    public double[][] predictProba(double[][] x) {
        double[][] sum = new double[x.length][classes.length];
        for (DecisionTree tree : trees) {
            double[][] p = tree.predictProba(x);
            for (int i = 0; i < x.length; i++) for (int c = 0; c < classes.length; c++) sum[i][c] += p[i][c];
        }
        for (double[] row : sum) for (int c = 0; c < row.length; c++) row[c] /= trees.size();
        return sum;
    }

    @Override
    public String stage() {
        return "tree";
    }

    /** Sums of the trees' class probabilities (the argmax wins) or of their values (divided by the trees). */
    @Override
    public Staged.Running follow(double[][] x) {
        double[][] sum = new double[x.length][classifier ? classes.length : 1];
        return new Staged.Running() {
            private int seen;

            @Override
            public double[] predict() {
                for (; seen < trees.size(); seen++) {
                    DecisionTree tree = trees.get(seen);
                    if (classifier) {
                        double[][] p = tree.predictProba(x);
                        for (int i = 0; i < x.length; i++) for (int c = 0; c < classes.length; c++) sum[i][c] += p[i][c];
                    } else {
                        double[] p = tree.predict(x);
                        for (int i = 0; i < x.length; i++) sum[i][0] += p[i];
                    }
                }
                double[] out = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = classifier ? classes[DecisionTree.argmax(sum[i])] : sum[i][0] / seen;
                }
                return out;
            }
        };
    }

    /** The mean of the trees' importances (trees of one node left out), normalised to sum 1. */
    public double[] featureImportances() {
        double[] sum = new double[features];
        int counted = 0;
        for (DecisionTree tree : trees) {
            if (tree.nodes().size() <= 1) continue;
            double[] imp = tree.featureImportances();
            for (int j = 0; j < features; j++) sum[j] += imp[j];
            counted++;
        }
        if (counted == 0) return sum;
        double total = 0;
        for (int j = 0; j < features; j++) total += sum[j] /= counted;
        for (int j = 0; j < features; j++) sum[j] /= total;
        return sum;
    }

    public List<DecisionTree> trees() {
        return List.copyOf(trees);
    }

    @Override
    public boolean classifier() {
        return classifier;
    }

    /** Every tree's walk and its probabilities added up. */
    @Override
    public double predictRowOps(int rows, int features, int classes) {
        DecisionTree one = new DecisionTree(classifier, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, 0);
        return nEstimators * (one.predictRowOps(rows, features, classes) + 2.0 * Math.max(1, classes));
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        DecisionTree one = new DecisionTree(classifier, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, 0);
        Cost tree = one.cost(rows, features, classes);
        // a tree has at most 2·leaves − 1 nodes, a leaf per distinct row; a bootstrap draws about 63 % of the rows
        double nodesBytes = (bootstrap ? 1.3 : 2.0) * rows * (80 + 8.0 * Math.max(1, classes));
        return new Cost(tree.ops() * nEstimators, tree.bytes() + nodesBytes * nEstimators);
    }
}

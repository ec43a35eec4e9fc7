package playground.sklearn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * {@code DecisionTreeClassifier} / {@code DecisionTreeRegressor} as scikit-learn 1.2 grows them: rows as float32,
 * the best splitter drawing features in the order its own {@code rand_r} generator (seeded from
 * {@code RandomState(random_state)}) gives, depth first with the left child first, thresholds halfway between
 * float32 neighbours. With the same {@code random_state} the same tree comes out, ties between splits included.
 */
public final class DecisionTree implements Estimator, Probabilistic {
    static final ParamSpec GINI = ParamSpec.choice("criterion", "분할 기준(불순도)", "gini", "entropy", "log_loss");
    static final ParamSpec SQUARED_ERROR = ParamSpec.choice("criterion", "분할 기준", "squared_error");
    static final ParamSpec SPLITTER = ParamSpec.choice("splitter", "분할 방법", "best");
    static final ParamSpec MAX_DEPTH = ParamSpec.integer("max_depth", null, 1, 1_000_000, "최대 깊이 (null: 제한 없음)").orNone();
    static final ParamSpec MIN_SAMPLES_SPLIT = ParamSpec.integer("min_samples_split", 2, 2, 1_000_000,
            "나누려면 필요한 최소 샘플 수").alsoTaking("fraction");
    static final ParamSpec MIN_SAMPLES_LEAF = ParamSpec.integer("min_samples_leaf", 1, 1, 1_000_000,
            "잎에 남길 최소 샘플 수").alsoTaking("fraction");
    static final ParamSpec MAX_FEATURES = ParamSpec.choice("max_features", "분할마다 살펴볼 특성 수", null, "sqrt", "log2")
            .orNone().alsoTaking("int", "fraction");
    static final ParamSpec RANDOM_STATE = ParamSpec.seed("난수 시드 (null: 실행의 seed)");

    /** The declared params of a classifier's or a regressor's tree, in scikit-learn's order. */
    static List<ParamSpec> params(boolean classifier) {
        return List.of(classifier ? GINI : SQUARED_ERROR, SPLITTER, MAX_DEPTH, MIN_SAMPLES_SPLIT, MIN_SAMPLES_LEAF,
                MAX_FEATURES, RANDOM_STATE);
    }
    private static final double EPSILON = Math.ulp(1.0);
    private static final float FEATURE_THRESHOLD = 1e-7f;

    final boolean classifier;
    private final String criterion;
    private final Integer maxDepth;
    private final Object minSamplesSplit, minSamplesLeaf, maxFeatures;
    private long randomState;
    private final String prefix;

    private double[] classes;
    private int features;
    private final List<Node> nodes = new ArrayList<>();

    /** One node; {@code left} is −1 for a leaf. {@code value}: weighted class counts, or the mean. */
    public record Node(int left, int right, int feature, double threshold, double impurity, int samples,
                       double weightedSamples, double[] value, int depth) {}

    public DecisionTree(boolean classifier, Params params, long seed) {
        this.classifier = classifier;
        prefix = params.prefix();
        criterion = params.choice(classifier ? GINI : SQUARED_ERROR);
        params.choice(SPLITTER);
        maxDepth = params.integerOrNone(MAX_DEPTH);
        minSamplesSplit = readCount(params, MIN_SAMPLES_SPLIT);
        minSamplesLeaf = readCount(params, MIN_SAMPLES_LEAF);
        maxFeatures = readMaxFeatures(params, MAX_FEATURES);
        randomState = params.seed(RANDOM_STATE, seed);
        params.rejectUnknown(params(classifier));
    }

    /** A tree for an ensemble: its params already checked, its random state drawn by the ensemble. */
    DecisionTree(boolean classifier, String criterion, Integer maxDepth, Object minSamplesSplit, Object minSamplesLeaf,
                 Object maxFeatures, long randomState) {
        this.classifier = classifier;
        this.prefix = "model.params";
        this.criterion = criterion;
        this.maxDepth = maxDepth;
        this.minSamplesSplit = minSamplesSplit;
        this.minSamplesLeaf = minSamplesLeaf;
        this.maxFeatures = maxFeatures;
        this.randomState = randomState;
    }

    /** An int in the declared range, or a fraction in (0, 1] (scikit-learn's "int or float"). */
    static Object readCount(Params params, ParamSpec spec) {
        String name = spec.name();
        int min = spec.min().intValue();
        Object v = params.raw(name, spec.defaultValue());
        if (v instanceof Number n) {
            double d = n.doubleValue();
            boolean integral = (v instanceof Integer || v instanceof Long) && d >= min && d <= spec.max();
            boolean fraction = !(v instanceof Integer || v instanceof Long) && d > 0 && d <= 1 && (min == 2 || d < 1);
            if (integral) return n.intValue();
            if (fraction) return d;
        }
        throw params.error(name, min + " 이상 " + spec.max().intValue() + " 이하의 정수 또는 0과 1 사이의 비율", v);
    }

    /** {@code max_features}: null, "sqrt", "log2", an int ≥ 1 or a fraction in (0, 1]. */
    static Object readMaxFeatures(Params params, ParamSpec spec) {
        Object v = params.raw(spec.name(), spec.defaultValue());
        if (v == null || "sqrt".equals(v) || "log2".equals(v)) return v;
        if ((v instanceof Integer || v instanceof Long) && ((Number) v).intValue() >= 1) return ((Number) v).intValue();
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1) return n.doubleValue();
        throw params.error("max_features", "null, \"sqrt\", \"log2\", 1 이상의 정수 또는 0과 1 사이의 비율", v);
    }

    static int resolveMaxFeatures(Object maxFeatures, int features) {
        if (maxFeatures == null) return features;
        if (maxFeatures.equals("sqrt")) return Math.max(1, (int) Math.sqrt(features));
        if (maxFeatures.equals("log2")) return Math.max(1, (int) (Math.log(features) / Math.log(2)));
        if (maxFeatures instanceof Integer i) return Math.min(i, features);
        return Math.max(1, (int) ((Double) maxFeatures * features));
    }

    private static int resolveCount(Object count, int rows) {
        return count instanceof Integer i ? i : (int) Math.ceil((Double) count * rows);
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        fit(x, y, null, listener);
    }

    /** Fits with sample weights (null for all 1), as ensembles do; rows of weight 0 are left out. */
    void fit(double[][] x, double[] y, double[] sampleWeight, FitListener listener) {
        fit(columns(x), y, sampleWeight, listener);
    }

    /** Fits on rows already turned into float32 columns ({@link #columns}), shared by an ensemble's trees. */
    void fit(float[][] columns, double[] y, double[] sampleWeight, FitListener listener) {
        features = columns.length;
        if (maxFeatures instanceof Integer i && i > features) {
            throw new InvalidParamException(prefix + ".max_features", prefix + ".max_features은(는) 특성 수(" + features
                    + ") 이하여야 합니다 (받은 값: " + i + ")");
        }
        double[] target = y;
        if (classifier) {
            classes = Numpy.unique(y);
            target = new double[y.length];
            for (int i = 0; i < y.length; i++) target[i] = Arrays.binarySearch(classes, y[i]);
        }
        int rows = y.length;
        int minLeaf = resolveCount(minSamplesLeaf, rows);
        int minSplit = Math.max(resolveCount(minSamplesSplit, rows), 2 * minLeaf);
        int depthLimit = maxDepth == null ? Integer.MAX_VALUE : maxDepth;
        Criterion crit = classifier ? new Criterion.Classification(target, sampleWeight, classes.length, !criterion.equals("gini"))
                : new Criterion.SquaredError(target, sampleWeight);
        Splitter splitter = new Splitter(columns, crit, sampleWeight, resolveMaxFeatures(maxFeatures, features),
                minLeaf, new RandomState(randomState).randint(0, TreeRandom.RAND_R_MAX));
        build(splitter, crit, minSplit, minLeaf, depthLimit, listener);
    }

    /** The rows as scikit-learn's trees see them: float32, one array per feature. */
    static float[][] columns(double[][] x) {
        float[][] c = new float[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < c.length; j++) c[j][i] = (float) x[i][j];
        return c;
    }

    private record Pending(int start, int end, int depth, int parent, boolean isLeft, double impurity, int constants) {}

    /** scikit-learn's {@code DepthFirstTreeBuilder}: a stack, right child pushed first so the left is grown first. */
    private void build(Splitter splitter, Criterion crit, int minSplit, int minLeaf, int depthLimit, FitListener listener) {
        nodes.clear();
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, splitter.n, 0, -1, false, Double.NaN, 0));
        boolean first = true;
        while (!stack.isEmpty()) {
            FitListener.check(listener);
            Pending r = stack.pop();
            int n = r.end - r.start;
            crit.init(splitter.samples, r.start, r.end);
            double weighted = crit.weightedNNodeSamples;
            boolean leaf = r.depth >= depthLimit || n < minSplit || n < 2 * minLeaf;
            double impurity = r.impurity;
            if (first) {
                impurity = crit.nodeImpurity();
                first = false;
            }
            leaf = leaf || impurity <= EPSILON;
            Splitter.Split split = null;
            int constants = r.constants;
            if (!leaf) {
                split = splitter.split(r.start, r.end, impurity, constants);
                constants = splitter.constantsAfter;
                leaf = split.pos() >= r.end || split.improvement() + EPSILON < 0;
            }
            int id = nodes.size();
            nodes.add(new Node(-1, -1, leaf ? -2 : split.feature(), leaf ? -2 : split.threshold(), impurity, n, weighted,
                    crit.nodeValue(), r.depth));
            if (r.parent >= 0) link(r.parent, r.isLeft, id);
            if (!leaf) {
                stack.push(new Pending(split.pos(), r.end, r.depth + 1, id, false, split.impurityRight(), constants));
                stack.push(new Pending(r.start, split.pos(), r.depth + 1, id, true, split.impurityLeft(), constants));
            }
            listener.step("node", id + 1, 0);
        }
    }

    private void link(int parent, boolean isLeft, int child) {
        Node p = nodes.get(parent);
        nodes.set(parent, new Node(isLeft ? child : p.left, isLeft ? p.right : child, p.feature, p.threshold, p.impurity,
                p.samples, p.weightedSamples, p.value, p.depth));
    }

    private int leaf(double[] row) {
        return leaf(row, Integer.MAX_VALUE);
    }

    /** The node a row reaches when the tree is cut at {@code depth} (a node at that depth acts as a leaf). */
    private int leaf(double[] row, int depth) {
        int id = 0;
        while (nodes.get(id).left >= 0 && nodes.get(id).depth < depth) id = child(id, row);
        return id;
    }

    /** The child of split node {@code id} a row goes to: left when its feature, as float32, is at most the threshold. */
    public int child(int id, double[] row) {
        Node node = nodes.get(id);
        return (float) row[node.feature] <= node.threshold ? node.left : node.right;
    }

    /** Class probabilities (the leaf's weighted counts, normalised), classes in sorted order. */
    @Override
    public double[][] predictProba(double[][] x) {
        return predictProbaAtDepth(x, Integer.MAX_VALUE);
    }

    /** Class probabilities of the tree cut at {@code depth}: a node at the cut gives its own counts' fractions. */
    public double[][] predictProbaAtDepth(double[][] x, int depth) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] counts = nodes.get(leaf(x[i], depth)).value;
            double sum = 0;
            for (double c : counts) sum += c;
            p[i] = new double[counts.length];
            for (int c = 0; c < counts.length; c++) p[i][c] = counts[c] / (sum == 0 ? 1 : sum);
        }
        return p;
    }

    @Override
    public double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] value = nodes.get(leaf(x[i])).value;
            out[i] = classifier ? classes[argmax(value)] : value[0];
        }
        return out;
    }

    /** Predictions of the tree cut at {@code depth}: how the tree decides level by level, as a widget shows it grow. */
    public double[] predictAtDepth(double[][] x, int depth) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] value = nodes.get(leaf(x[i], depth)).value;
            out[i] = classifier ? classes[argmax(value)] : value[0];
        }
        return out;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /** Mean decrease in impurity per feature, normalised to sum 1 ({@code feature_importances_}). */
    public double[] featureImportances() {
        double[] imp = new double[features];
        for (Node node : nodes) {
            if (node.left < 0) continue;
            Node l = nodes.get(node.left), r = nodes.get(node.right);
            imp[node.feature] += node.weightedSamples * node.impurity - l.weightedSamples * l.impurity
                    - r.weightedSamples * r.impurity;
        }
        double sum = 0;
        for (int j = 0; j < features; j++) sum += imp[j] /= nodes.get(0).weightedSamples;
        if (sum > 0) for (int j = 0; j < features; j++) imp[j] /= sum;
        return imp;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public int depth() {
        return nodes.stream().mapToInt(Node::depth).max().orElse(0);
    }

    public double[] classes() {
        return classes == null ? null : classes.clone();
    }

    @Override
    public boolean classifier() {
        return classifier;
    }

    /** A walk from the root: one comparison per level, then the leaf's class counts. */
    @Override
    public double predictRowOps(int rows, int features, int classes) {
        return 2.0 * levels(rows) + Math.max(1, classes);
    }

    private double levels(int rows) {
        return Math.min(maxDepth == null ? 64 : maxDepth, Math.log(Math.max(rows, 2)) / Math.log(2) + 1);
    }

    /** Each level sorts every row once per drawn feature: rows·log rows·features per level, about log₂ rows levels. */
    @Override
    public Cost cost(int rows, int features, int classes) {
        double levels = levels(rows);
        int drawn = resolveMaxFeatures(maxFeatures, features);
        return new Cost(levels * rows * Math.max(1, Math.log(rows)) * drawn * 2,
                4.0 * rows * features + 8.0 * rows * 3 + 2.0 * rows * (64 + 8.0 * Math.max(1, classes)));
    }
}

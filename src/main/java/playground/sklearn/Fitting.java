package playground.sklearn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fit being watched: it stands between the estimator and the run's listener, scores a forest or AdaBoost after
 * every stage (the score of the first i members, as scikit-learn's {@code staged_score} gives) and, once a single
 * tree is grown, the tree cut at each depth, then passes each step on. A listener reads the curve, and asks for the
 * model as it is, while it hears a step. The time spent watching is kept apart from the fit's. One thread.
 */
public final class Fitting implements FitListener {
    /**
     * Stages scored at most: a bigger ensemble is scored every ⌈stages / this⌉ members (and at its last), which
     * bounds the curve's messages and the scoring's work; the running sums still take every member in.
     */
    public static final int MAX_STAGE_POINTS = 500;

    private final FitListener outer;
    private final Estimator model, core;
    private final Rows train, test;
    private final List<StagePoint> curve = new ArrayList<>();
    private String stagedKind;
    private Staged.Running trainRun, testRun;
    private double[][] trainX, testX;
    private long watchNanos;
    /** The depth a single tree is being told at (0 before), and whether the estimator's own fit has ended. */
    private int depthNow;
    private boolean fitted;

    Fitting(Estimator model, Rows train, Rows test, FitListener outer) {
        this.outer = outer;
        this.model = model;
        this.core = model instanceof Pipeline p ? p.estimator() : model;
        this.train = train;
        this.test = test;
    }

    /** The whole model (preprocessing included): what a listener predicts the plane with. */
    public Estimator model() {
        return model;
    }

    /** The final estimator, as it stands during the step being heard. */
    public Estimator estimator() {
        return core;
    }

    /** Columns of the data set as it was loaded (before any preprocessing). */
    public int features() {
        return train.x()[0].length;
    }

    /** Rows the estimator is fitted on. */
    public int trainRows() {
        return train.size();
    }

    /** The scores so far, one per stage (empty for models that do not grow in stages). */
    public List<StagePoint> curve() {
        return java.util.Collections.unmodifiableList(curve);
    }

    /** {@code tree}, {@code round} or {@code depth}; null while nothing was staged. */
    public String stagedKind() {
        return stagedKind;
    }

    @Override
    public void step(String kind, int index, int total) {
        if (core instanceof Staged s && kind.equals(s.stage()) && scored(index, total)) {
            long started = System.nanoTime();
            if (trainRun == null) {
                trainRun = s.follow(rows(train));
                testRun = test.size() > 0 ? s.follow(rows(test)) : null;
            }
            double trainScore = score(trainRun.predict(), train.y());
            Double testScore = testRun == null ? null : score(testRun.predict(), test.y());
            curve.add(new StagePoint(index, trainScore, testScore));
            stagedKind = kind;
            watchNanos += System.nanoTime() - started;
        }
        outer.step(kind, index, total);
    }

    /** After the fit: a single tree's score cut at depth 1…its depth, each told as a {@code depth} step. */
    void grown() {
        fitted = true;
        if (!(core instanceof DecisionTree tree) || tree.depth() == 0) return;
        stagedKind = "depth";
        for (int d = 1; d <= tree.depth(); d++) {
            FitListener.check(outer);
            if (!scored(d, tree.depth())) continue;
            long started = System.nanoTime();
            double trainScore = score(tree.predictAtDepth(rows(train), d), train.y());
            Double testScore = test.size() == 0 ? null : score(tree.predictAtDepth(rows(test), d), test.y());
            curve.add(new StagePoint(d, trainScore, testScore));
            watchNanos += System.nanoTime() - started;
            depthNow = d;
            outer.step("depth", d, tree.depth());
        }
    }

    /**
     * Predictions for raw rows by the model as it stands in the step being heard (a forest's trees so far, a tree cut
     * at the depth being told), or null while a k-means is still moving its centres (it has none to predict with).
     */
    public double[] predictNow(double[][] x) {
        if (core instanceof KMeans && !fitted) return null;
        if (depthNow > 0 && core instanceof DecisionTree tree) return tree.predictAtDepth(seen(x), depthNow);
        return model.predict(x);
    }

    /**
     * Class probabilities for raw rows by the model as it stands in the step being heard (at {@code depth} for a
     * single tree, when positive), or null for a model without them (regressors, KNN, AdaBoost, k-means).
     */
    public double[][] probaNow(double[][] x, int depth) {
        if (!(core instanceof Probabilistic p) || !core.classifier()) return null;
        int cut = depth > 0 ? depth : depthNow;
        if (cut > 0 && core instanceof DecisionTree tree) return tree.predictProbaAtDepth(seen(x), cut);
        return p.predictProba(seen(x));
    }

    /** A single tree's depth once grown (0 for any other model). */
    public int treeDepth() {
        return fitted && core instanceof DecisionTree tree ? tree.depth() : 0;
    }

    /** Predictions for raw rows by a single tree cut at {@code depth} (after the fit). */
    public double[] predictAtDepth(double[][] x, int depth) {
        return ((DecisionTree) core).predictAtDepth(seen(x), depth);
    }

    /** Points the estimator sees (k-means centres) in the data set's own space, through the preprocessing undone. */
    public double[][] inDataSpace(double[][] points) {
        return points == null || !(model instanceof Pipeline p) ? points : p.inverse(points);
    }

    /** K-means iterations with their centres in the data set's own space. */
    List<KMeans.Iteration> iterationsInDataSpace(KMeans km) {
        return km.iterations().stream().map(it -> new KMeans.Iteration(inDataSpace(it.centers()), it.inertia())).toList();
    }

    /** Whether a prediction is one of more than two classes (a k-means cluster counts as a class). */
    public boolean manyClasses() {
        if (core instanceof KMeans km) return km.clusters() > 2;
        return core.classifier() && Numpy.unique(train.y()).length > 2;
    }

    /** Whether stage {@code index} of {@code total} is one the curve keeps. */
    private static boolean scored(int index, int total) {
        int stride = (total + MAX_STAGE_POINTS - 1) / MAX_STAGE_POINTS;
        return total <= MAX_STAGE_POINTS || index % stride == 0 || index == total;
    }

    /**
     * The work of watching a fit of {@code model}: scoring its stages on all rows (each member's predictions once,
     * then at most {@link #MAX_STAGE_POINTS} argmaxes and scores), or a tree cut at each depth.
     */
    static double ops(Estimator model, int rows, int features, int classes) {
        Estimator core = model instanceof Pipeline p ? p.estimator() : model;
        double perRow = model.predictRowOps(rows, features, classes);
        if (core instanceof Staged) return rows * perRow + MAX_STAGE_POINTS * rows * (2.0 * Math.max(1, classes) + 2);
        if (core instanceof DecisionTree) return Math.min(MAX_STAGE_POINTS, perRow) * rows * perRow;
        return 0;
    }

    @Override
    public boolean cancelled() {
        return outer.cancelled();
    }

    /** Seconds spent scoring stages, to take out of the fit's own time. */
    double watchSeconds() {
        return watchNanos / 1e9;
    }

    /** {@code {"kind", "index": [...], "train": [...], "test": [...]}}, or null when nothing was staged. */
    Map<String, Object> stagedJson() {
        if (stagedKind == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", stagedKind);
        m.put("index", curve.stream().map(StagePoint::index).toList());
        m.put("train", curve.stream().map(StagePoint::train).toList());
        m.put("test", curve.stream().map(StagePoint::test).toList());
        return m;
    }

    /** The rows as the final estimator sees them (the pipeline's steps are fitted before the estimator starts). */
    private double[][] rows(Rows rows) {
        if (rows == train && trainX != null) return trainX;
        if (rows == test && testX != null) return testX;
        double[][] x = seen(rows.x());
        if (rows == train) trainX = x;
        else testX = x;
        return x;
    }

    private double[][] seen(double[][] x) {
        return model instanceof Pipeline p ? p.transform(x) : x;
    }

    private double score(double[] predicted, double[] y) {
        return core.classifier() ? Metrics.accuracy(y, predicted) : Metrics.r2(y, predicted);
    }
}

package playground.sklearn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.data.Dataset;
import playground.data.Datasets;

/**
 * One scikit-learn run document (RUN-CONFIG.md extended by issue 15): the data set and its split, the estimator
 * with its params and preprocessing, fitted once into a result map shaped for JSON.
 *
 * <pre>{"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
 *  "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 5},
 *            "preprocess": [{"name": "StandardScaler"}]}}</pre>
 */
public final class FitRun {
    /** Preprocessing steps a document may chain: each copies the rows, and a course needs one or two. */
    public static final int MAX_PREPROCESS = 5;

    private FitRun() {}

    /**
     * The training and test rows (and, when re-split, the row indices of each in the whole table); a generated set's
     * {@code samples} and {@code noise} (null for a table).
     */
    public record Data(String name, Rows train, Rows test, int[] trainIndex, int[] testIndex, int classes,
                       Integer samples, Double noise) {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String field) {
        if (value == null) return Map.of();
        if (!(value instanceof Map<?, ?> m)) throw new InvalidParamException(field, field + "은(는) 객체여야 합니다");
        return (Map<String, Object>) m;
    }

    /** Reads {@code dataset}: a name, or {@code {"name", "split": {"test_size", "random_state"}}}. */
    public static Data data(Object dataset, boolean wholeWhenUnsplit) {
        Map<String, Object> d = dataset instanceof String s ? Map.of("name", s) : map(dataset, "dataset");
        Object name = d.get("name");
        // an upload is known here too: whose it is, the sandbox checks before this is reached
        if (!(name instanceof String n) || Datasets.info(n).isEmpty()) {
            throw new InvalidParamException("dataset.name", "dataset.name은(는) " + String.join(", ", Datasets.names())
                    + " 가운데 하나여야 합니다 (받은 값: " + name + ")");
        }
        int classes = Datasets.info(n).orElseThrow().classes().size();
        Params shape = new Params("dataset", d);
        shape.raw("name", null);
        Object splitDoc = shape.raw("split", null);
        boolean generated = Datasets.isGenerated(n);
        Integer samples = generated ? shape.integer("samples", Datasets.defaultSamples(n), Datasets.MIN_SAMPLES,
                Datasets.MAX_SAMPLES) : null;
        Double noise = generated ? shape.number("noise", Datasets.defaultNoise(n), Datasets.MIN_NOISE, true,
                Datasets.MAX_NOISE) : null;
        shape.rejectUnknown(generated ? java.util.Set.of("name", "samples", "noise") : java.util.Set.of("name", "split"));
        if (splitDoc == null) {
            Dataset set = Datasets.load(n, samples, noise);
            Rows train = Rows.of(set.train()), test = Rows.of(set.test());
            if (!wholeWhenUnsplit) return new Data(n, train, test, null, null, classes, samples, noise);
            Rows none = new Rows(new double[0][], new double[0]);
            if (!Datasets.isGenerated(n)) return new Data(n, Rows.of(Datasets.table(n)), none, null, null, classes, null, null);
            double[][] x = new double[train.size() + test.size()][];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Rows from = i < train.size() ? train : test;
                int r = i < train.size() ? i : i - train.size();
                x[i] = from.x()[r];
                y[i] = from.y()[r];
            }
            return new Data(n, new Rows(x, y), none, null, null, classes, samples, noise);
        }
        if (generated) {
            throw new InvalidParamException("dataset.split", "dataset.split은(는) 내장된 표 데이터에만 쓸 수 있습니다 (받은 이름: " + n + ")");
        }
        Params split = new Params("dataset.split", map(splitDoc, "dataset.split"));
        double testSize = split.number("test_size", 0.25, 0, false, 1 - 1e-12);
        long randomState = split.seed(DecisionTree.RANDOM_STATE, 0);
        split.rejectUnknown(java.util.Set.of("test_size", "random_state"));
        Rows all = Rows.of(Datasets.table(n));
        TrainTestSplit s = TrainTestSplit.of(all.size(), testSize, randomState);
        return new Data(n, all.select(s.train()), all.select(s.test()), s.train(), s.test(), classes, null, null);
    }

    /** The estimator wrapped with its preprocessing steps, if any. */
    public static Estimator model(Map<String, Object> model, long seed) {
        Estimator estimator = Estimators.create((String) model.get("estimator"), map(model.get("params"), "model.params"), seed);
        Object pre = model.get("preprocess");
        if (pre == null) return estimator;
        if (!(pre instanceof List<?> list) || list.size() > MAX_PREPROCESS) {
            throw new InvalidParamException("model.preprocess", "model.preprocess는 단계 " + MAX_PREPROCESS
                    + "개 이하의 목록이어야 합니다" + (pre instanceof List<?> l ? " (받은 단계: " + l.size() + "개)" : ""));
        }
        List<Transformer> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "model.preprocess[" + i + "]";
            Map<String, Object> step = new LinkedHashMap<>(map(list.get(i), field));
            Object name = step.remove("name");
            steps.add(Estimators.preprocessor(field, name instanceof String s ? s : null, step));
        }
        return new Pipeline(steps, estimator);
    }

    /**
     * What a run holds besides the estimator's own fit ({@link Estimator#cost}): its copy of the rows (row arrays of
     * doubles), the predictions its scores and metrics make, a staged ensemble's running sums over the training and
     * test rows (and the rows as the estimator sees them), and a tree's description.
     */
    public static double heldBytes(Estimator model, Data data) {
        Estimator core = model instanceof Pipeline p ? p.estimator() : model;
        int rows = data.train.size() + data.test.size(), features = data.train.x()[0].length;
        double rowsBytes = rows * (8.0 * (features + 1) + 32);
        double held = rowsBytes + 4 * 8.0 * rows;
        if (core instanceof Staged) {
            held += 2 * rows * (8.0 * Math.max(1, data.classes) + 24);
            if (model != core) held += rowsBytes;
        }
        if (core instanceof DecisionTree) held += TreeJson.bytes(data.train.size()) + rowsBytes;
        return held;
    }

    /**
     * The work a run does besides the estimator's fit: scoring it on the training and test rows (and its metrics),
     * and watching its stages grow.
     */
    public static double watchOps(Estimator model, Data data) {
        int rows = data.train.size() + data.test.size(), features = data.train.x()[0].length;
        double scoring = 3.0 * rows * model.predictRowOps(data.train.size(), features, data.classes);
        return scoring + Fitting.ops(model, rows, features, data.classes);
    }

    /** Fits and describes the result: scores, the task's metrics, and what the estimator learned. */
    public static Map<String, Object> run(Map<String, Object> document, long seed, FitListener listener) {
        Map<String, Object> modelDoc = map(document.get("model"), "model");
        Estimator model = model(modelDoc, seed);
        Estimator core = model instanceof Pipeline p ? p.estimator() : model;
        Data data = data(document.get("dataset"), core instanceof KMeans);
        Cost cost = model.cost(data.train.size(), data.train.x()[0].length, data.classes);
        Fitting fitting = new Fitting(model, data.train, data.test, listener);
        listener.watching(fitting);
        long started = System.nanoTime();
        model.fit(data.train.x(), data.train.y(), fitting);
        fitting.grown();
        double seconds = (System.nanoTime() - started) / 1e9 - fitting.watchSeconds();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("estimator", modelDoc.get("estimator"));
        out.put("dataset", data.name);
        out.put("train_rows", data.train.size());
        out.put("test_rows", data.test.size());
        if (data.trainIndex != null) out.put("split_rows", Map.of("train", data.trainIndex, "test", data.testIndex));
        out.put("fit_seconds", seconds);
        out.put("cost", Map.of("ops", cost.ops(), "bytes", cost.bytes()));
        if (core instanceof KMeans km) {
            out.put("inertia", km.inertia());
            out.put("n_iter", km.nIter());
            out.put("cluster_centers", km.clusterCenters());
            out.put("labels", km.labels());
            out.put("iterations", fitting.iterationsInDataSpace(km));
            out.put("init_index", km.initIndex());
            return out;
        }
        boolean hasTest = data.test.size() > 0;
        started = System.nanoTime();
        Double test = hasTest ? model.score(data.test.x(), data.test.y()) : null;
        out.put("predict_seconds", (System.nanoTime() - started) / 1e9);   // KNN's work is here, not in fit
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("train", model.score(data.train.x(), data.train.y()));
        if (hasTest) score.put("test", test);
        out.put("score", score);
        if (hasTest) out.put("metrics", metrics(model, data));
        if (fitting.stagedJson() != null) out.put("staged", fitting.stagedJson());
        List<String> names = featureNames(model, data);
        out.put("feature_names", names);
        learned(core, out);
        if (core instanceof DecisionTree tree) {
            double[][] seen = model instanceof Pipeline p ? p.transform(data.train.x()) : data.train.x();
            out.put("tree", TreeJson.of(tree, names, classNames(tree, data), seen));
        }
        return out;
    }

    /** The names of the columns the estimator sees: the data set's, or the preprocessing's (PolynomialFeatures). */
    private static List<String> featureNames(Estimator model, Data data) {
        List<String> names = Datasets.info(data.name).orElseThrow().features();
        return model instanceof Pipeline p ? p.featureNames(names) : names;
    }

    /** A classifier tree's classes by the data set's names for them, in the order of a node's {@code value}. */
    private static List<String> classNames(DecisionTree tree, Data data) {
        if (tree.classes() == null) return null;
        List<String> names = Datasets.info(data.name).orElseThrow().classes();
        List<String> out = new ArrayList<>();
        for (double c : tree.classes()) {
            int i = (int) c;
            out.add(c == i && i >= 0 && i < names.size() ? names.get(i) : Double.toString(c));
        }
        return out;
    }

    private static Map<String, Object> metrics(Estimator model, Data data) {
        double[] p = model.predict(data.test.x()), y = data.test.y();
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.classifier()) {
            m.put("accuracy", Metrics.accuracy(y, p));
            double[] classes = Numpy.unique(concat(data.train.y(), y));
            m.put("confusion_matrix", Metrics.confusion(y, p, classes));
        } else {
            m.put("r2", Metrics.r2(y, p));
            m.put("rmse", Metrics.rmse(y, p));
            m.put("mae", Metrics.mae(y, p));
        }
        return m;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void learned(Estimator core, Map<String, Object> out) {
        if (core instanceof LinearModel lm) {
            out.put("coef", lm.coef());
            out.put("intercept", lm.intercept());
        } else if (core instanceof LogisticRegression lr) {
            out.put("coef", lr.coef());
            out.put("intercept", lr.intercept());
            out.put("n_iter", lr.nIter());
        } else if (core instanceof DecisionTree t) {
            out.put("feature_importances", t.featureImportances());
            out.put("depth", t.depth());
            out.put("node_count", t.nodes().size());
        } else if (core instanceof RandomForest f) {
            out.put("feature_importances", f.featureImportances());
        } else if (core instanceof AdaBoost a) {
            out.put("feature_importances", a.featureImportances());
            out.put("rounds", a.rounds());
        }
    }
}

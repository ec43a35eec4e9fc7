package playground.sklearn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model.sweep}: the document's model fitted once per value of one param, as the notes' loops over
 * {@code range(1, 16)} do — KNN's train and test score against k, k-means' inertia against k (the elbow). Only a param
 * the registry lists as the estimator's {@code sweep}; whole numbers in its range, at most {@link #MAX_VALUES}.
 * One fit per {@link #next} call, so a scheduler can give other runs a turn in between. Not thread-safe.
 *
 * <pre>"model": {"estimator": "KNeighborsClassifier", "sweep": {"param": "n_neighbors", "values": [1, 2, 3]}}</pre>
 */
public final class Sweep {
    public static final int MAX_VALUES = 30;
    private static final String FIELD = "model.sweep";

    private final String param;
    private final List<Integer> values;
    private final Map<String, Object> model;
    /** The rows, let go once the last value is fitted (the document's own fit loads its own). */
    private FitRun.Data data;
    private final long seed;
    private final boolean clustering;
    private final List<Cost> costs = new ArrayList<>();
    /** What the sweep holds besides each fit: its copy of the rows, the scores' predictions. */
    private final double heldBytes;
    private final List<Double> train = new ArrayList<>(), test = new ArrayList<>(), inertia = new ArrayList<>();

    private Sweep(String param, List<Integer> values, Map<String, Object> model, FitRun.Data data, long seed, boolean clustering) {
        this.param = param;
        this.values = values;
        this.model = model;
        this.data = data;
        this.seed = seed;
        this.clustering = clustering;
        heldBytes = FitRun.heldBytes(FitRun.model(withValue(values.get(0)), seed), data);
        int rows = data.train().size(), features = data.train().x()[0].length;
        for (int v : values) {
            Estimator e = FitRun.model(withValue(v), seed);
            Cost fit = e.cost(rows, features, data.classes());
            double scoring = (rows + data.test().size()) * e.predictRowOps(rows, features, data.classes());
            costs.add(new Cost(fit.ops() + scoring, fit.bytes()));
        }
    }

    /** The document's sweep, validated, or null when it has none. */
    public static Sweep of(Map<String, Object> document, long seed) {
        Map<String, Object> model = FitRun.map(document.get("model"), "model");
        if (model.get("sweep") == null) return null;
        String name = model.get("estimator") instanceof String s ? s : null;
        EstimatorType type = Estimators.type(name).orElseThrow(
                () -> new InvalidParamException("model.estimator", "model.estimator를 알 수 없습니다 (받은 값: " + name + ")"));
        Params sweep = new Params(FIELD, FitRun.map(model.get("sweep"), FIELD));
        if (type.sweep() == null) {
            throw new InvalidParamException(FIELD, FIELD + ": " + name + "에는 sweep을 쓸 수 없습니다 (n_neighbors를 바꾸는 "
                    + "KNeighbors*, n_clusters를 바꾸는 KMeans만 됩니다)");
        }
        String param = sweep.choice("param", null, type.sweep());
        if (param == null) throw sweep.error("param", "\"" + type.sweep() + "\"", null);
        ParamSpec spec = type.param(param).orElseThrow();
        Object raw = sweep.raw("values", null);
        sweep.rejectUnknown(java.util.Set.of("param", "values"));
        FitRun.Data data = FitRun.data(document.get("dataset"), name.equals("KMeans"));
        int rows = data.train().size();
        List<Integer> values = values(raw, spec, Math.min(spec.max().intValue(), rows), rows);
        if (FitRun.map(model.get("params"), "model.params").get("init") instanceof List<?>) {
            throw new InvalidParamException(FIELD, FIELD + ": 중심을 직접 준 init(목록)은 n_clusters를 바꿔 가며 쓸 수 없습니다");
        }
        return new Sweep(param, values, model, data, seed, type.task().equals(EstimatorType.CLUSTERING));
    }

    private static List<Integer> values(Object raw, ParamSpec spec, int max, int rows) {
        String field = FIELD + ".values";
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > MAX_VALUES) {
            throw new InvalidParamException(field, field + "은(는) 정수 1~" + MAX_VALUES + "개의 목록이어야 합니다 (받은 값: "
                    + (raw instanceof List<?> l ? l.size() + "개" : raw) + ")");
        }
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            boolean whole = v instanceof Integer || v instanceof Long;
            if (!whole || ((Number) v).longValue() < spec.min() || ((Number) v).longValue() > max) {
                String f = field + "[" + i + "]";
                throw new InvalidParamException(f, f + "은(는) " + spec.min().intValue() + " 이상 " + max + " 이하의 정수여야 합니다"
                        + (max == rows ? " (훈련 행 수 " + rows + ")" : "") + " (받은 값: " + v + ")");
            }
            values.add(((Number) v).intValue());
        }
        return List.copyOf(values);
    }

    /** The model document with the swept param set to {@code value} (and no sweep). */
    private Map<String, Object> withValue(int value) {
        Map<String, Object> m = new LinkedHashMap<>(model);
        m.remove("sweep");
        Map<String, Object> params = new LinkedHashMap<>(FitRun.map(model.get("params"), "model.params"));
        params.put(param, value);
        m.put("params", params);
        return m;
    }

    /** The number of values a (validated) document sweeps, 0 without a sweep. */
    public static int count(Map<String, Object> document) {
        Object sweep = FitRun.map(document.get("model"), "model").get("sweep");
        return sweep instanceof Map<?, ?> m && m.get("values") instanceof List<?> l ? l.size() : 0;
    }

    public int size() {
        return values.size();
    }

    /** Values fitted so far. */
    public int done() {
        return train.size() + inertia.size();
    }

    /** The cost of the fit of value {@code i} (fitting and scoring). */
    public Cost cost(int i) {
        return costs.get(i);
    }

    /** The sum of every value's cost, and the largest memory of one beside the sweep's own copy of the rows. */
    public Cost total() {
        double ops = 0, bytes = 0;
        for (Cost c : costs) {
            ops += c.ops();
            bytes = Math.max(bytes, c.bytes());
        }
        return new Cost(ops, bytes + heldBytes);
    }

    /**
     * Fits the next value and scores it: {@code {"index", "value", "train", "test"}} (test null without test rows), or
     * {@code {"index", "value", "inertia"}} for k-means. The listener is asked only whether to stop.
     */
    public Map<String, Object> next(FitListener listener) {
        int i = done();
        FitRun.Data data = this.data;
        if (i + 1 == values.size()) this.data = null;
        Estimator estimator = FitRun.model(withValue(values.get(i)), seed);
        FitListener quiet = new FitListener() {
            @Override
            public boolean cancelled() {
                return listener.cancelled();
            }
        };
        estimator.fit(data.train().x(), data.train().y(), quiet);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("index", i + 1);
        point.put("value", values.get(i));
        if (clustering) {
            double v = ((KMeans) (estimator instanceof Pipeline p ? p.estimator() : estimator)).inertia();
            inertia.add(v);
            point.put("inertia", v);
            return point;
        }
        double trainScore = estimator.score(data.train().x(), data.train().y());
        Double testScore = data.test().size() > 0 ? estimator.score(data.test().x(), data.test().y()) : null;
        train.add(trainScore);
        test.add(testScore);
        point.put("train", trainScore);
        point.put("test", testScore);
        return point;
    }

    /** {@code {"param", "values", "train", "test"}} or {@code {"param", "values", "inertia"}}, of the values fitted. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("param", param);
        m.put("values", values.subList(0, done()));
        if (clustering) {
            m.put("inertia", inertia);
        } else {
            m.put("train", train);
            m.put("test", test);
        }
        return m;
    }
}

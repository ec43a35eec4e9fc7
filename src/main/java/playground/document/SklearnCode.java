package playground.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.data.Datasets;
import playground.sklearn.EstimatorType;
import playground.sklearn.Estimators;
import playground.sklearn.ParamSpec;
import playground.vocabulary.Vocabulary;

/**
 * The scikit-learn (Python) program equivalent to a scikit-learn run document, ready to paste into Colab, as the
 * teacher's notes write it: load the data, {@code train_test_split}, a pipeline of the preprocessing and the
 * estimator with its non-default params, {@code fit}, {@code score} printed. With the document's split it prints
 * the run's scores exactly (scikit-learn 1.2; KMeans's {@code n_init} and AdaBoost's {@code algorithm} are written
 * out, whose defaults later versions change).
 */
public final class SklearnCode {
    /** Params always written, because scikit-learn after 1.2 changes their defaults. */
    private static final Map<String, List<String>> PINNED = Map.of("KMeans", List.of("n_init"),
            "AdaBoostClassifier", List.of("algorithm"));
    private static final Map<String, String> MODULES = Map.of("linear", "linear_model", "knn", "neighbors",
            "tree", "tree", "forest", "ensemble", "adaboost", "ensemble", "kmeans", "cluster");

    private SklearnCode() {}

    /** @param document a validated scikit-learn run document; {@code seed} is used where it stands for random_state */
    public static String of(Map<String, Object> document, Long seed) {
        Map<String, Object> model = map(document.get("model"));
        String name = (String) model.get("estimator");
        EstimatorType type = Estimators.type(name).orElseThrow();
        boolean clustering = type.task().equals(EstimatorType.CLUSTERING);
        List<Map<String, Object>> steps = preprocess(model.get("preprocess"));

        List<String> lines = new ArrayList<>();
        lines.add("from sklearn." + MODULES.get(type.family()) + " import " + name);
        for (String pre : steps.stream().map(s -> (String) s.get("name")).distinct().toList()) {
            lines.add("from sklearn.preprocessing import " + pre);
        }
        if (!steps.isEmpty()) lines.add("from sklearn.pipeline import make_pipeline");
        Map<String, Object> dataset = document.get("dataset") instanceof String s ? Map.of("name", s) : map(document.get("dataset"));
        Map<String, Object> split = map(dataset.get("split"));
        boolean resplit = dataset.get("split") != null;
        if (resplit) lines.add("from sklearn.model_selection import train_test_split");
        lines.add("");
        lines.addAll(load(dataset, resplit || clustering));
        if (resplit) {
            lines.add("X_train, X_test, y_train, y_test = train_test_split(X, y, test_size="
                    + python(split.getOrDefault("test_size", 0.25)) + ", random_state="
                    + python(split.get("random_state")) + ")");
        } else if (clustering) {
            lines.add("X_train = X");
        }
        lines.add("");
        Map<String, Object> params = map(model.get("params"));
        if (seed == null && type.param("random_state").isPresent() && params.get("random_state") == null) {
            lines.add("# random_state를 정하지 않으면 놀이터는 실행마다 seed를 정합니다: 실행 결과의 seed를 random_state=로 넣으면 같은 결과가 나옵니다");
        }
        lines.add("model = " + pipeline(steps, estimator(type, params, seed, null)));
        lines.add("model.fit(X_train" + (clustering ? "" : ", y_train") + ")");
        if (clustering) {
            lines.add("print('inertia:', model" + (steps.isEmpty() ? "" : "[-1]") + ".inertia_)");
        } else {
            lines.add("print('훈련 점수:', model.score(X_train, y_train))");
            lines.add("print('테스트 점수:', model.score(X_test, y_test))");
        }
        lines.addAll(sweep(model, type, steps, params, seed, clustering));
        return String.join("\n", lines) + "\n";
    }

    /** The notes' loop over the swept values, one fit each, printing what the sweep plots. */
    private static List<String> sweep(Map<String, Object> model, EstimatorType type, List<Map<String, Object>> steps,
                                      Map<String, Object> params, Long seed, boolean clustering) {
        if (model.get("sweep") == null) return List.of();
        Map<String, Object> sweep = map(model.get("sweep"));
        String param = (String) sweep.get("param");
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("for k in " + python(sweep.get("values")) + ":");
        lines.add("    m = " + pipeline(steps, estimator(type, params, seed, param)) + ".fit(X_train"
                + (clustering ? "" : ", y_train") + ")");
        lines.add(clustering ? "    print(k, m" + (steps.isEmpty() ? "" : "[-1]") + ".inertia_)"
                : "    print(k, m.score(X_train, y_train), m.score(X_test, y_test))");
        return lines;
    }

    /** {@code X, y} (the whole table) or the four parts of the data set's own split. */
    private static List<String> load(Map<String, Object> dataset, boolean whole) {
        String name = (String) dataset.get("name");
        DatasetSpec spec = new DatasetSpec(name, number(dataset.get("samples")), decimal(dataset.get("noise")));
        if (Datasets.isGenerated(name) && spec.samples() == null) {
            spec = new DatasetSpec(name, Datasets.defaultSamples(name), Datasets.defaultNoise(name));
        }
        if (whole && Vocabulary.SKLEARN_DATASETS.contains(name)) {
            // scaled=False: the playground's diabetes table holds the original values, not scikit-learn's scaled ones
            return List.of("from sklearn.datasets import load_" + name,
                    "X, y = load_" + name + "(return_X_y=True" + (name.equals("diabetes") ? ", scaled=False" : "") + ")");
        }
        String what = Datasets.isGenerated(name) ? "놀이터가 만드는 2차원 데이터입니다"
                : name.startsWith(Datasets.UPLOAD_PREFIX) ? "직접 올린 CSV입니다"
                : name.equals(Vocabulary.KERAS_DATASET) ? "scikit-learn 1.2에서 빠진 load_boston의 표입니다"
                : "강의 폴더의 datasets/" + name + ".csv입니다";
        List<String> lines = new ArrayList<>();
        lines.add("import numpy as np");
        if (whole) {
            lines.add("# '" + name + "'은(는) " + what + ". 위젯의 CSV 내려받기로 받은 전체 표(" + file(spec, DatasetFile.WHOLE)
                    + ", " + new DatasetFile(spec, DatasetFile.WHOLE).url() + ")를 읽습니다");
            lines.add("table = np.loadtxt('" + file(spec, DatasetFile.WHOLE) + "', delimiter=',', skiprows=1)");
            lines.add("X, y = table[:, :-1], table[:, -1]");
            return lines;
        }
        lines.add("# '" + name + "'의 놀이터 분할: 위젯의 CSV 내려받기로 받은 훈련/테스트 파일을 읽습니다");
        lines.add("train = np.loadtxt('" + file(spec, "train") + "', delimiter=',', skiprows=1)");
        lines.add("test = np.loadtxt('" + file(spec, "test") + "', delimiter=',', skiprows=1)");
        lines.add("X_train, y_train = train[:, :-1], train[:, -1]");
        lines.add("X_test, y_test = test[:, :-1], test[:, -1]");
        return lines;
    }

    private static String file(DatasetSpec spec, String part) {
        return new DatasetFile(spec, part).fileName();
    }

    /** The estimator with the params that differ from scikit-learn's defaults; {@code swept} is written as {@code k}. */
    private static String estimator(EstimatorType type, Map<String, Object> params, Long seed, String swept) {
        List<String> args = new ArrayList<>();
        for (ParamSpec p : type.params()) {
            boolean given = params.containsKey(p.name());
            Object v = params.get(p.name());
            if (p.name().equals(swept)) {
                args.add(p.name() + "=k");
            } else if (p.kind().equals("seed") && v == null) {
                // the run draws with its own seed where the document leaves random_state out
                if (seed != null) args.add("random_state=" + (seed & 0xFFFFFFFFL));
            } else if (given && !same(v, p.defaultValue())) {
                args.add(p.name() + "=" + python(v));
            } else if (PINNED.getOrDefault(type.name(), List.of()).contains(p.name())) {
                args.add(p.name() + "=" + python(given ? v : p.defaultValue()));
            }
        }
        return type.name() + "(" + String.join(", ", args) + ")";
    }

    private static String pipeline(List<Map<String, Object>> steps, String estimator) {
        if (steps.isEmpty()) return estimator;
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            Estimators.PreprocessorType type = Estimators.PREPROCESSOR_TYPES.stream()
                    .filter(t -> t.name().equals(step.get("name"))).findFirst().orElseThrow();
            List<String> args = new ArrayList<>();
            for (ParamSpec p : type.params()) {
                if (step.containsKey(p.name()) && !same(step.get(p.name()), p.defaultValue())) {
                    args.add(p.name() + "=" + python(step.get(p.name())));
                }
            }
            parts.add(type.name() + "(" + String.join(", ", args) + ")");
        }
        parts.add(estimator);
        return "make_pipeline(" + String.join(", ", parts) + ")";
    }

    private static boolean same(Object value, Object fallback) {
        if (value instanceof Number a && fallback instanceof Number b) return a.doubleValue() == b.doubleValue();
        return java.util.Objects.equals(value, fallback);
    }

    /** A JSON value as Python writes it: None, True/False, 'text', numbers as Python prints them, lists. */
    static String python(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (v instanceof Integer || v instanceof Long) return v.toString();
        if (v instanceof Number n) return KerasCode.number(n.doubleValue());
        if (v instanceof List<?> list) return "[" + String.join(", ", list.stream().map(SklearnCode::python).toList()) + "]";
        throw new IllegalArgumentException("not a JSON value: " + v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> preprocess(Object value) {
        List<Map<String, Object>> steps = new ArrayList<>();
        if (value instanceof List<?> list) for (Object o : list) steps.add(new LinkedHashMap<>((Map<String, Object>) o));
        return steps;
    }

    private static Integer number(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }

    private static Double decimal(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
